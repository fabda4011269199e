// Eleventy's classes that our speed-ups patch are not exported: they are
// imported by file URL, the same module instances Eleventy itself uses, and
// only from the Eleventy release whose code the patches were written against.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The one Eleventy release line whose internals the patches match. */
const PATCHED_RELEASE = "3.1.";

/** Eleventy's `src/` folder, when the installed Eleventy is the release the patches were written for. */
function patchedEleventySource(): string | undefined {
  const dir = path.dirname(fileURLToPath(import.meta.resolve("@11ty/eleventy")));
  const { version } = JSON.parse(readFileSync(path.join(dir, "..", "package.json"), "utf8")) as { version: string };
  return version.startsWith(PATCHED_RELEASE) ? dir : undefined;
}

/**
 * The default export of a module in Eleventy's `src/` folder, or undefined
 * when the installed Eleventy is not the release the patches were written for.
 */
export async function eleventyInternal<T>(file: string): Promise<T | undefined> {
  const dir = patchedEleventySource();
  if (!dir) return undefined;
  const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: T };
  return module.default;
}

/**
 * A CommonJS package as Eleventy imports it (the same instance), or undefined
 * when the installed Eleventy is not the release the patches were written for.
 */
export function eleventyDependency<T>(specifier: string): T | undefined {
  const dir = patchedEleventySource();
  return dir ? (createRequire(path.join(dir, "Eleventy.js"))(specifier) as T) : undefined;
}

/**
 * Marks `target` as patched under `name` and says whether it already was.
 * The mark is global (`Symbol.for`), so a dev-server reload of a patch's
 * module does not wrap Eleventy's method a second time.
 */
export function alreadyPatched(target: object, name: string): boolean {
  const marks = target as Record<symbol, boolean>;
  const mark = Symbol.for(name);
  if (marks[mark]) return true;
  marks[mark] = true;
  return false;
}
