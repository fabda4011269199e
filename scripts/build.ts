// `npm run build`: the production site in _site/, all or nothing. Eleventy
// writes into a fresh sibling folder; only a build that succeeds replaces
// _site/, so a failed build leaves the previous site exactly as it was.
// `--input DIR --output DIR` build another site folder (tests, benchmarks).
import { parseArgs } from "node:util";

import { buildSite } from "../lib/build/atomic-build.ts";

const { values } = parseArgs({
  options: { input: { type: "string", default: "." }, output: { type: "string", default: "_site" } },
});

const started = performance.now();
try {
  if (values.input !== ".") process.chdir(values.input!);
  const result = await buildSite({ input: ".", output: values.output! });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Built ${result.pages} pages into ${values.output} in ${seconds} s.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(`The build failed; ${values.output}/ was left as it was.`);
  process.exitCode = 1;
}
