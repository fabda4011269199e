// Feeds of the latest posts with full content: Atom (`pages/feed.xml.njk`) and
// JSON Feed (`pages/feed.json.njk`). Both read the `feedPosts` filter (lib/content/plugin.ts).
import type UserConfig from "@11ty/eleventy/UserConfig";
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";

import type { FeedPost } from "../content/plugin.ts";
import { buildJsonFeed, type FeedSite } from "./json-feed.ts";

export const FEED_SIZE = 20;

export function absoluteHtml(html: string, base: string): Promise<string> {
  return convertHtmlToAbsoluteUrls(html, `${base}/`);
}

/** The JSON Feed document; a shortcode, so the JSON is never HTML-escaped nor marked safe by hand. */
export async function jsonFeed(posts: readonly FeedPost[], site: FeedSite): Promise<string> {
  const entries = await Promise.all(
    posts.map(async ({ summary, item }) => ({
      url: summary.url,
      title: summary.title,
      date: summary.date,
      updated: summary.updated,
      summary: summary.description,
      tags: summary.tags.map((tag) => tag.name),
      contentHtml: await absoluteHtml(item.templateContent, site.url),
    })),
  );
  return JSON.stringify(buildJsonFeed(site, entries), null, 2);
}

export default function feedsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addAsyncFilter("absoluteHtml", absoluteHtml);
  eleventyConfig.addAsyncShortcode("jsonFeed", jsonFeed);
}
