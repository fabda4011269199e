// Builds a site through Eleventy's programmatic API with the project's own
// configuration, into a temporary folder, and reads its pages back parsed.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import Eleventy from "@11ty/eleventy";
import { parseHTML } from "linkedom";

import { eleventyInput } from "../../lib/build/atomic-build.ts";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
export const CONFIG_PATH = path.join(PROJECT_ROOT, ".eleventy.ts");

export interface BuildFixtureOptions {
  /** Defaults to production. */
  mode?: "production" | "development";
  /** Pins "today" (ISO 8601). */
  buildDate?: string;
}

export interface BuiltSite {
  output: string;
  /** Page at a site URL (`/posts/x/` reads `/posts/x/index.html`), parsed. */
  page(url: string): Document;
  /** Raw text of an output file at a site URL. */
  text(url: string): string;
  exists(url: string): boolean;
  remove(): void;
}

export function outputFileFor(output: string, url: string): string {
  const clean = url.split(/[?#]/)[0]!;
  return path.join(output, clean.endsWith("/") ? `${clean}index.html` : clean);
}

/** Environment variables our configuration reads, set only while `run` runs. */
export async function withBuildEnv<T>(options: BuildFixtureOptions, run: () => Promise<T>): Promise<T> {
  const saved = { BLOG_MODE: process.env.BLOG_MODE, BLOG_BUILD_DATE: process.env.BLOG_BUILD_DATE };
  process.env.BLOG_MODE = options.mode ?? "production";
  if (options.buildDate) process.env.BLOG_BUILD_DATE = options.buildDate;
  else delete process.env.BLOG_BUILD_DATE;
  try {
    return await run();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** Builds `input` (a folder with posts/, _data/, ...) and returns its output. */
export async function buildFixture(input: string, options: BuildFixtureOptions = {}): Promise<BuiltSite> {
  const output = mkdtempSync(path.join(tmpdir(), "blog-site-"));
  await withBuildEnv(options, async () => {
    const eleventy = new Eleventy(eleventyInput(input), output, { configPath: CONFIG_PATH, quietMode: true, source: "script" });
    eleventy.disableLogger();
    await eleventy.write();
  });
  return siteAt(output);
}

export function siteAt(output: string): BuiltSite {
  const text = (url: string) => readFileSync(outputFileFor(output, url), "utf8");
  return {
    output,
    text,
    page: (url) => parseHTML(text(url)).document as unknown as Document,
    exists(url) {
      try {
        readFileSync(outputFileFor(output, url));
        return true;
      } catch {
        return false;
      }
    },
    remove: () => rmSync(output, { recursive: true, force: true }),
  };
}

export function fixturePath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, "tests", "fixtures", ...parts);
}
