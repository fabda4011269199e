// Builds our CSS and browser scripts with esbuild (minified, browser scripts
// written in TypeScript and bundled) and writes them under content-hashed
// names. Templates ask for `{{ "css/site.css" | asset }}`. Everything else in
// assets/ (images, books, icons) is copied as it is.
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import type UserConfig from "@11ty/eleventy/UserConfig";
import { build } from "esbuild";

import { contentHash, fingerprintedUrl } from "./fingerprint.ts";

/** Entry points: `assets/css/*.css` and `assets/js/*.ts`. */
function entries(root: string): string[] {
  const found: string[] = [];
  for (const [dir, extension] of [["css", ".css"], ["js", ".ts"]] as const) {
    try {
      for (const name of readdirSync(path.join(root, "assets", dir))) {
        if (name.endsWith(extension) && !name.endsWith(".d.ts")) found.push(`${dir}/${name}`);
      }
    } catch {
      // A site without scripts or styles of its own has no such folder.
    }
  }
  return found.sort();
}

const PROJECT_NODE_MODULES = path.resolve(import.meta.dirname, "../../node_modules");

export interface BuiltAsset {
  url: string;
  contents: Uint8Array;
}

/** What one esbuild run made, and from which files (their modification times), so an unchanged set is not built again. */
export interface AssetBuild {
  assets: Map<string, BuiltAsset>;
  entries: string[];
  inputs: Map<string, number>;
}

function modifiedAt(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Whether `previous` still matches the files in `root` (same entry points, no input file touched). */
export function isCurrent(previous: AssetBuild, root: string): boolean {
  const names = entries(root);
  if (names.length !== previous.entries.length || names.some((name, i) => name !== previous.entries[i])) return false;
  for (const [file, mtime] of previous.inputs) {
    if (modifiedAt(file) !== mtime) return false;
  }
  return true;
}

/**
 * Builds every entry point in `root`'s assets/. Given the previous build, and
 * when none of its files changed since, returns that instead: the dev server
 * rebuilds after each save of a post, and the assets rarely change with it.
 */
export async function buildAssets(root: string, previous?: AssetBuild): Promise<AssetBuild> {
  if (previous && isCurrent(previous, root)) return previous;
  const names = entries(root);
  const assets = new Map<string, BuiltAsset>();
  const inputs = new Map<string, number>();
  await Promise.all(
    names.map(async (name) => {
      const result = await build({
        entryPoints: [path.join(root, "assets", name)],
        absWorkingDir: path.resolve(root),
        bundle: true,
        minify: true,
        format: name.endsWith(".ts") ? "esm" : undefined,
        target: ["es2022", "chrome111", "firefox115", "safari16"],
        write: false,
        metafile: true,
        logLevel: "silent",
        external: ["/pagefind/*"],
        // A site folder outside the project (the benchmark's, a test's) has no
        // node_modules of its own: browser packages come from the project's.
        nodePaths: [PROJECT_NODE_MODULES],
      });
      const output = result.outputFiles[0]!;
      const extension = name.endsWith(".css") ? "css" : "js";
      assets.set(name, { url: fingerprintedUrl(name, contentHash(output.contents), extension), contents: output.contents });
      for (const input of Object.keys(result.metafile.inputs)) {
        const file = path.resolve(root, input);
        const mtime = modifiedAt(file);
        if (mtime !== undefined) inputs.set(file, mtime);
      }
    }),
  );
  return { assets, entries: names, inputs };
}

export default function assetsPlugin(eleventyConfig: UserConfig): void {
  let built: AssetBuild | undefined;

  eleventyConfig.addPassthroughCopy({ "assets/images": "assets/images", "assets/books": "assets/books", "assets/uploads": "assets/uploads", "assets/icons": "/" });
  eleventyConfig.addWatchTarget("./assets/css/");
  eleventyConfig.addWatchTarget("./assets/js/");

  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { input: string } }) => {
    built = await buildAssets(directories.input, built);
  });

  eleventyConfig.addFilter("asset", (name: string) => {
    const asset = built?.assets.get(name);
    if (!asset) throw new Error(`No asset "${name}" in assets/ (known: ${[...(built?.assets.keys() ?? [])].join(", ")})`);
    return asset.url;
  });

  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    for (const asset of built?.assets.values() ?? []) {
      const target = path.join(directories.output, asset.url);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, asset.contents);
    }
  });
}
