// Optimizes the site's own images at build time: the post cover (shortcode
// `coverImage`) and images in post bodies (a markdown-it rule). Files are
// encoded into a cache folder kept between builds, then copied into the
// output: an unchanged image is never encoded twice.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";

import type UserConfig from "@11ty/eleventy/UserConfig";

import { markdownFor } from "../markdown/index.ts";
import { markdownImagesPlugin } from "./markdown-images.ts";
import { localImageFile } from "./local-file.ts";
import { ImageCache } from "./responsive-image.ts";

/** Generated images persist here between builds (gitignored). */
export const IMAGE_CACHE_DIR = path.resolve(".cache", "images");

export default function imagesPlugin(eleventyConfig: UserConfig): void {
  let inputDir = ".";
  const images = new ImageCache(IMAGE_CACHE_DIR);

  eleventyConfig.on("eleventy.before", ({ directories }: { directories: { input: string } }) => {
    inputDir = directories.input;
  });

  // On the instance itself, not through amendLibrary, which Eleventy applies
  // only once it renders: post bodies are rendered ahead, before that.
  markdownFor(eleventyConfig).use(markdownImagesPlugin, { inputDir: () => inputDir, images });

  // Above the fold: loaded eagerly and first.
  eleventyConfig.addShortcode("coverImage", function (this: { page: { inputPath: string } }, src: string, alt: string) {
    const file = localImageFile(src, inputDir, this.page.inputPath);
    if (!file) {
      throw new Error(
        `${this.page.inputPath}: cover image ${src} was not found: put it in assets/images/ and write image: /assets/images/<name>`,
      );
    }
    return images.render(file, alt, { eager: true }).html;
  });

  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    for (const { cachedPath, url } of await images.settle()) {
      const target = path.join(directories.output, url);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(cachedPath, target);
    }
  });
}
