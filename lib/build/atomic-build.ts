// A production build that never leaves a half-written site: Eleventy renders
// into a temporary folder beside the output, which replaces the output only
// when everything succeeded.
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

import Eleventy from "@11ty/eleventy";

import { ContentError } from "../problems.ts";
import { endPhase } from "./timings.ts";

export interface BuildOptions {
  /** The site's folder (Eleventy input). */
  input: string;
  /** Where the finished site goes. */
  output: string;
  /** Configuration file; defaults to the project's `.eleventy.ts`. */
  configPath?: string;
  quiet?: boolean;
}

export interface BuildResult {
  pages: number;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const output = path.resolve(options.output);
  const staging = `${output}.next-${process.pid}`;
  const previous = `${output}.previous-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  process.env.BLOG_MODE ??= "production";

  const eleventy = new Eleventy(eleventyInput(options.input), staging, {
    configPath: options.configPath ?? path.resolve(import.meta.dirname, "../../.eleventy.ts"),
    quietMode: options.quiet ?? true,
    source: "script",
  });
  // Our own messages say what went wrong; Eleventy's would repeat it with a stack trace.
  eleventy.disableLogger();
  let pages = 0;
  const writeStarted = performance.now();
  try {
    const [, templates] = (await eleventy.write()) as unknown as [unknown, Array<{ outputPath: string | false }>];
    pages = templates.filter((t) => typeof t.outputPath === "string").length;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw unwrapContentError(error);
  }
  endPhase("eleventy", writeStarted);

  if (!existsSync(staging)) throw new Error(`Eleventy wrote nothing to ${staging}; _site/ was not touched.`);
  const hadPrevious = existsSync(output);
  if (hadPrevious) renameSync(output, previous);
  try {
    renameSync(staging, output);
  } catch (error) {
    if (hadPrevious) renameSync(previous, output);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
  return { pages };
}

/**
 * The input folder as Eleventy needs it: relative to the working folder.
 * Eleventy 3.1 finds directory data files (posts/posts.11tydata.json) only
 * then; with an absolute input it skips the folders between input and template.
 */
export function eleventyInput(input: string): string {
  return path.relative(process.cwd(), path.resolve(input)) || ".";
}

/** Eleventy wraps errors thrown in event handlers; authors should see ours as it is. */
export function unwrapContentError(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof Error; depth++) {
    if (current instanceof ContentError || current.name === "ContentError") return current;
    current = (current as Error & { originalError?: unknown }).originalError ?? current.cause;
  }
  return error;
}
