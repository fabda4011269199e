// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), built as data and
// serialized once, so no template has to mark JSON as safe.
import { absoluteUrl } from "../filters/urls.ts";

export interface FeedSite {
  title: string;
  description: string;
  url: string;
  language: string;
  author: { name: string };
}

export interface FeedEntry {
  /** Site-relative URL of the post. */
  url: string;
  title: string;
  date: Date;
  updated: Date | undefined;
  summary: string;
  tags: string[];
  /** Rendered post HTML with absolute URLs. */
  contentHtml: string;
}

export function buildJsonFeed(site: FeedSite, entries: readonly FeedEntry[]): Record<string, unknown> {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: site.title,
    home_page_url: absoluteUrl("/", site.url),
    feed_url: absoluteUrl("/feed.json", site.url),
    description: site.description,
    language: site.language,
    authors: [{ name: site.author.name, url: absoluteUrl("/about/", site.url) }],
    items: entries.map((entry) => ({
      id: absoluteUrl(entry.url, site.url),
      url: absoluteUrl(entry.url, site.url),
      title: entry.title,
      summary: entry.summary,
      content_html: entry.contentHtml,
      date_published: entry.date.toISOString(),
      date_modified: (entry.updated ?? entry.date).toISOString(),
      ...(entry.tags.length > 0 && { tags: entry.tags }),
      authors: [{ name: site.author.name }],
    })),
  };
}
