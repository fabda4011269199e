// Which built pages the sitemap lists: every HTML page that is published,
// with the date it last changed when the page is a post.

interface CollectionItem {
  url: string | false;
  data: { sitemap?: boolean };
}

interface PostDates {
  date: Date;
  updated?: Date | undefined;
}

export interface SitemapEntry {
  url: string;
  lastModified: Date | undefined;
}

/** `posts`: the posts by URL (the blog index's `byUrl`). */
export function sitemapEntries(items: readonly CollectionItem[], posts: ReadonlyMap<string, PostDates>): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  for (const item of items) {
    if (typeof item.url !== "string" || !item.url.endsWith("/") || item.data.sitemap === false) continue;
    const post = posts.get(item.url);
    entries.push({ url: item.url, lastModified: post ? (post.updated ?? post.date) : undefined });
  }
  return entries.sort((a, b) => a.url.localeCompare(b.url));
}
