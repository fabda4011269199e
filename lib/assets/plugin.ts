// Builds our CSS and browser scripts with esbuild (minified, browser scripts
// written in TypeScript and bundled) and writes them under content-hashed
// names. Templates ask for `{{ "css/site.css" | asset }}`. Everything else in
// assets/ (images, books, icons) is copied as it is.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
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

export async function buildAssets(root: string): Promise<Map<string, BuiltAsset>> {
  const names = entries(root);
  const built = new Map<string, BuiltAsset>();
  await Promise.all(
    names.map(async (name) => {
      const result = await build({
        entryPoints: [path.join(root, "assets", name)],
        bundle: true,
        minify: true,
        format: name.endsWith(".ts") ? "esm" : undefined,
        target: ["es2022", "chrome111", "firefox115", "safari16"],
        write: false,
        logLevel: "silent",
        external: ["/pagefind/*"],
        // A site folder outside the project (the benchmark's, a test's) has no
        // node_modules of its own: browser packages come from the project's.
        nodePaths: [PROJECT_NODE_MODULES],
      });
      const output = result.outputFiles[0]!;
      const extension = name.endsWith(".css") ? "css" : "js";
      built.set(name, { url: fingerprintedUrl(name, contentHash(output.contents), extension), contents: output.contents });
    }),
  );
  return built;
}

export default function assetsPlugin(eleventyConfig: UserConfig): void {
  let assets = new Map<string, BuiltAsset>();

  eleventyConfig.addPassthroughCopy({ "assets/images": "assets/images", "assets/books": "assets/books", "assets/uploads": "assets/uploads", "assets/icons": "/" });
  eleventyConfig.addWatchTarget("./assets/css/");
  eleventyConfig.addWatchTarget("./assets/js/");

  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { input: string } }) => {
    assets = await buildAssets(directories.input);
  });

  eleventyConfig.addFilter("asset", (name: string) => {
    const asset = assets.get(name);
    if (!asset) throw new Error(`No asset "${name}" in assets/ (known: ${[...assets.keys()].join(", ")})`);
    return asset.url;
  });

  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    for (const asset of assets.values()) {
      const target = path.join(directories.output, asset.url);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, asset.contents);
    }
  });
}
