// `npm run build`: the production site in _site/, all or nothing. Eleventy
// writes into a fresh sibling folder; only a build that succeeds replaces
// _site/, so a failed build leaves the previous site exactly as it was.
// `--input DIR --output DIR` build another site folder (tests, the benchmark);
// `BLOG_TIMINGS=1` prints the build's phase timings as one JSON line;
// `--no-search-index` (or `BLOG_SEARCH_INDEX=off`) leaves the search index
// out, for measuring what search costs: never deploy such a build.
import path from "node:path";
import { parseArgs } from "node:util";

import { buildContextFromEnv } from "../lib/build-context.ts";
import { buildSite } from "../lib/build/atomic-build.ts";
import { buildTimings, TIMINGS_PREFIX } from "../lib/build/timings.ts";

const { values } = parseArgs({
  options: {
    input: { type: "string", default: "." },
    output: { type: "string", default: "_site" },
    "no-search-index": { type: "boolean", default: false },
  },
});
if (values["no-search-index"]) process.env.BLOG_SEARCH_INDEX = "off";

const started = performance.now();
const output = path.resolve(values.output!);
try {
  // Eleventy finds directory data files only below the working directory, so
  // build from inside the site folder.
  process.chdir(values.input!);
  const result = await buildSite({ input: ".", output });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Built ${result.pages} pages into ${values.output}/ in ${seconds} s.`);
  if (!buildContextFromEnv().searchIndex) console.warn("No search index was written (BLOG_SEARCH_INDEX=off): this site's search finds nothing; do not deploy it.");
  if (process.env.BLOG_TIMINGS === "1") console.log(`${TIMINGS_PREFIX}${JSON.stringify(buildTimings(started))}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(`The build failed; ${values.output}/ was left as it was.`);
  process.exitCode = 1;
}
