// Responsive markup for our own raster images: AVIF and WebP with a JPEG
// fallback, several widths in `srcset`, intrinsic width and height so nothing
// shifts while loading. The markup is known synchronously (from the source's
// dimensions) so markdown-it can use it; the files are encoded in the
// background into a cache folder kept between builds, and the build waits for
// them at the end.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

import eleventyImage from "@11ty/eleventy-img";

/** Widths we generate, in pixels; a source narrower than one is never upscaled. */
export const IMAGE_WIDTHS = [400, 800, 1200, 1600];
export const IMAGE_FORMATS = ["avif", "webp", "jpeg"];
/** Site URL folder the generated files are published under. */
export const IMAGE_URL_PATH = "/img/";
/**
 * How wide an image is drawn: the full viewport on phones, the reading column
 * (at most 42rem) beyond that. Keep in step with the column width in site.css.
 */
export const IMAGE_SIZES = "(min-width: 46rem) 42rem, 100vw";
/**
 * libaom's default effort takes 30 s for one 1600 px cover on a CI core;
 * effort 0 takes a third of a second for a file about twice as large, still
 * a fraction of the WebP.
 */
const SHARP_AVIF_OPTIONS = { effort: 0 };

/** One generated file: where it is cached and its site URL. */
export interface GeneratedImage {
  cachedPath: string;
  url: string;
}

export interface RenderedImage {
  html: string;
  files: GeneratedImage[];
}

export interface ImageRenderOptions {
  /**
   * Above the fold (a post's cover): load at once with high priority.
   * Otherwise the browser loads it lazily when it nears the viewport.
   */
  eager?: boolean;
}

type Metadata = Record<string, Array<{ url: string; outputPath: string }>>;

/**
 * Renders images and encodes their files into `dir`, once per source per
 * build. Files are encoded in a private folder and renamed into place, so two
 * builds running at once (parallel test files) never read a half-written file.
 */
export class ImageCache {
  readonly #pending = new Map<string, Promise<void>>();
  #used: GeneratedImage[] = [];

  constructor(readonly dir: string) {}

  render(file: string, alt: string, options: ImageRenderOptions = {}): RenderedImage {
    const settings = this.#settings(this.dir);
    const metadata = eleventyImage.statsSync(file, settings) as Metadata;
    const loading = options.eager ? { loading: "eager", fetchpriority: "high" } : { loading: "lazy", decoding: "async" };
    const html = eleventyImage.generateHTML(metadata, { alt, sizes: IMAGE_SIZES, ...loading }) as string;
    const files = Object.values(metadata)
      .flat()
      .map(({ outputPath, url }) => ({ cachedPath: outputPath, url }));
    this.#used.push(...files);
    if (!this.#pending.has(file)) this.#pending.set(file, this.#generate(file, files));
    return { html, files };
  }

  /** Waits for every file rendered since the last call and returns them, once each. */
  async settle(): Promise<GeneratedImage[]> {
    await Promise.all(this.#pending.values());
    const byUrl = new Map(this.#used.map((image) => [image.url, image]));
    this.#pending.clear();
    this.#used = [];
    return [...byUrl.values()];
  }

  #settings(outputDir: string) {
    return {
      widths: IMAGE_WIDTHS,
      formats: IMAGE_FORMATS,
      outputDir,
      urlPath: IMAGE_URL_PATH,
      sharpAvifOptions: SHARP_AVIF_OPTIONS,
    };
  }

  async #generate(file: string, files: GeneratedImage[]): Promise<void> {
    if (files.every((image) => existsSync(image.cachedPath))) return;
    mkdirSync(this.dir, { recursive: true });
    const scratch = mkdtempSync(path.join(this.dir, ".encoding-"));
    try {
      await eleventyImage(file, this.#settings(scratch));
      for (const name of readdirSync(scratch)) renameSync(path.join(scratch, name), path.join(this.dir, name));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}
