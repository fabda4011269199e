// Eleventy 3.1 joins and normalizes the same few thousand paths (each
// template's layout, output path and file slug) again for every template in
// every build and dev rebuild, through `TemplatePath` from
// `@11ty/eleventy-utils`: about 100 ms of each dev rebuild at 4,000 posts.
// Both answers depend only on their arguments, so each is kept.
import { alreadyPatched } from "../eleventy-internals.ts";

export interface TemplatePathLike {
  normalize(thePath: string): string;
  join(...paths: string[]): string;
}

/** Enough for every path of a large site; past it, the answers start over rather than grow without end. */
const MAX_ANSWERS = 100_000;

/** `compute`, keeping its answer for each key. */
function kept(compute: (key: string) => string): (key: string) => string {
  const answers = new Map<string, string>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= MAX_ANSWERS) answers.clear();
      answer = compute(key);
      answers.set(key, answer);
    }
    return answer;
  };
}

/** Keeps `normalize` and `join`'s answers for string arguments; anything else goes to Eleventy's own. */
export function memoizeTemplatePaths(templatePath: TemplatePathLike): void {
  if (alreadyPatched(templatePath, "blog.templatePath.memoized")) return;
  const { normalize, join } = templatePath;
  const normalized = kept((thePath) => normalize.call(templatePath, thePath));
  // No path holds a NUL character, so it separates the arguments unambiguously.
  const joined = kept((key) => join.apply(templatePath, key.split("\0")));
  templatePath.normalize = (thePath) => (typeof thePath === "string" ? normalized(thePath) : normalize.call(templatePath, thePath));
  templatePath.join = (...paths) => (paths.every((part) => typeof part === "string") ? joined(paths.join("\0")) : join.apply(templatePath, paths));
}
