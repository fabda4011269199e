// JSON Feed 1.1 of the latest posts, with full content.
import { absoluteHtml } from "../lib/feeds/plugin.ts";
import { buildJsonFeed, type FeedSite } from "../lib/feeds/json-feed.ts";
import type { FeedPost } from "../lib/content/plugin.ts";

interface FeedData {
  site: FeedSite;
  collections: { feedPosts: FeedPost[] };
}

export const data = {
  permalink: "/feed.json",
  eleventyExcludeFromCollections: true,
  eleventyImport: { collections: ["feedPosts"] },
};

export async function render(feed: FeedData): Promise<string> {
  const entries = await Promise.all(
    feed.collections.feedPosts.map(async ({ summary, item }) => ({
      url: summary.url,
      title: summary.title,
      date: summary.date,
      updated: summary.updated,
      summary: summary.description,
      tags: summary.tags.map((tag) => tag.name),
      contentHtml: await absoluteHtml(item.templateContent, feed.site.url),
    })),
  );
  return JSON.stringify(buildJsonFeed(feed.site, entries), null, 2);
}
