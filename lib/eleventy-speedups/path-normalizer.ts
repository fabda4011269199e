// Eleventy 3.1's dependency graph normalizes a path on every lookup
// (`PathNormalizer.fullNormalization`: resolve the working folder, make the
// path relative, fix separators), and looks up each template's layouts,
// includes and collections again in every build: over a million calls, about
// 300 ms of every dev rebuild at 4,000 posts, for a few thousand distinct
// paths. The answer depends only on the path and the working folder, so it is
// kept for each path until the working folder changes.
import { alreadyPatched } from "../eleventy-internals.ts";

export interface PathNormalizerLike {
  fullNormalization(inputPath: unknown): unknown;
}

/** Keeps `fullNormalization`'s answer for each string path, per working folder. */
export function memoizeNormalization(normalizer: PathNormalizerLike, workingDir: () => string = process.cwd): void {
  if (alreadyPatched(normalizer, "blog.pathNormalizer.memoized")) return;
  const normalize = normalizer.fullNormalization;
  const answers = new Map<string, unknown>();
  let answersDir = workingDir();
  normalizer.fullNormalization = function (this: PathNormalizerLike, inputPath: unknown) {
    if (typeof inputPath !== "string") return normalize.call(this, inputPath);
    const dir = workingDir();
    if (dir !== answersDir) {
      answers.clear();
      answersDir = dir;
    }
    if (!answers.has(inputPath)) answers.set(inputPath, normalize.call(this, inputPath));
    return answers.get(inputPath);
  };
}
