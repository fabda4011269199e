// Feeds of the latest posts with full content: Atom (`pages/feed.xml.njk`) and
// JSON Feed (`pages/feed.json.11ty.ts`). Both read the `feedPosts` collection.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";

export const FEED_SIZE = 20;

export function absoluteHtml(html: string, base: string): Promise<string> {
  return convertHtmlToAbsoluteUrls(html, `${base}/`);
}

export default function feedsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addAsyncFilter("absoluteHtml", absoluteHtml);
}
