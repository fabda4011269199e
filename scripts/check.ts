// `npm run check`: validates all content without building the site, with the
// same `file:line: message` lines as the build. Exit 0 when clean, 1 otherwise;
// fast enough for a git pre-commit hook.
import path from "node:path";
import { pathToFileURL } from "node:url";

import { buildContextFromEnv } from "../lib/build-context.ts";
import { loadContent } from "../lib/content/load.ts";
import { createMarkdown } from "../lib/markdown/index.ts";
import { formatProblem, sortProblems } from "../lib/problems.ts";

/** Checks the site in `root`, or in the folder given as the one argument; returns the exit code. */
export function main(argv: readonly string[], cwd = process.cwd()): number {
  if (argv.length > 1 || argv[0]?.startsWith("-")) {
    console.error("usage: npm run check [-- SITE_FOLDER]");
    return 2;
  }
  const root = path.resolve(cwd, argv[0] ?? ".");
  const started = performance.now();
  const { buildDate } = buildContextFromEnv();
  const content = loadContent({ root, buildDate, md: createMarkdown() });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const problems = sortProblems(content.problems);
  for (const problem of problems) console.error(formatProblem(problem));
  const posts = `${content.posts.length} ${content.posts.length === 1 ? "post" : "posts"}`;
  if (problems.length > 0) {
    console.error(`Found ${problems.length} ${problems.length === 1 ? "problem" : "problems"} (${posts} checked in ${seconds} s).`);
    return 1;
  }
  console.log(`Content OK: ${posts}, ${content.tweets.length} tweets checked in ${seconds} s.`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = main(process.argv.slice(2));
}
