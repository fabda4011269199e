// Which image URLs in an author's Markdown are files of ours to optimize.
// Apart from the encoder, so a thread that only reads posts need not load it.
import { existsSync } from "node:fs";
import path from "node:path";

const RASTER = /\.(jpe?g|png|webp|avif)$/i;

/**
 * The file behind an image URL written by an author, or undefined when it is
 * not ours to optimize (remote, data:, SVG, or not found).
 * `/assets/x.jpg` is read from the input folder, `pic.jpg` beside `fromFile`.
 */
export function localImageFile(src: string, inputDir: string, fromFile?: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//")) return undefined;
  const clean = decodeURIComponent(src.split(/[?#]/)[0]!);
  if (!RASTER.test(clean)) return undefined;
  const base = clean.startsWith("/") || !fromFile ? inputDir : path.dirname(fromFile);
  const file = path.join(base, clean.startsWith("/") ? `.${clean}` : clean);
  return existsSync(file) ? file : undefined;
}
