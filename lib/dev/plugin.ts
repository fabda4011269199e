// How soon the dev server starts a rebuild after a save. Eleventy waits until
// a changed file has kept its size for 150 ms (chokidar's `awaitWriteFinish`),
// a tenth of a one-post rebuild at 4,000 posts. A post is a small file that an
// editor writes at once; 40 ms still lets a slow write finish first.
import type UserConfig from "@11ty/eleventy/UserConfig";

export const WRITE_SETTLE_MS = 40;

export default function devPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: WRITE_SETTLE_MS, pollInterval: 10 } });
}
