// `npm run build`: the production site in _site/, all or nothing. Eleventy
// writes into a fresh sibling folder; only a build that succeeds replaces
// _site/, so a failed build leaves the previous site exactly as it was.
import { buildSite } from "../lib/build/atomic-build.ts";

const started = performance.now();
try {
  const result = await buildSite({ input: ".", output: "_site" });
  console.log(`Built ${result.pages} pages into _site/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error("The build failed; _site/ was left as it was.");
  process.exitCode = 1;
}
