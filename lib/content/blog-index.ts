// Everything the listing pages need, computed once per build from the posts:
// order, tags, archive, neighbours, related posts and tweet back-links. Every
// step is linear in posts (related posts look only at a bounded window of each
// shared tag or tweet), so a blog of thousands of posts builds as fast as ten.
import slugify from "@sindresorhus/slugify";

import type { PostSource, PostStatus } from "./posts.ts";

export interface TagLink {
  name: string;
  slug: string;
  url: string;
}

/** A post as listings, feeds and the post layout see it. */
export interface PostSummary {
  file: string;
  url: string;
  slug: string;
  title: string;
  date: Date;
  day: string;
  updated: Date | undefined;
  description: string;
  tags: TagLink[];
  status: PostStatus;
  readingMinutes: number;
  citedTweets: number[];
  unplacedTweets: number[];
}

/**
 * What a page's `<head>` says of it, for the pages Eleventy makes one per item
 * by pagination: the base layout reads the item's `head`. Data on the item,
 * not `eleventyComputed`, which would run Eleventy's computed-data machinery
 * for each of those pages in every build and dev rebuild.
 */
export interface PageHead {
  title?: string;
  description?: string;
  /** For link previews, where it differs from the title. */
  socialTitle?: string;
}

/** One page of a paginated listing. */
export interface ListingPage {
  url: string;
  pageNumber: number;
  totalPages: number;
  posts: PostSummary[];
  previousUrl: string | undefined;
  nextUrl: string | undefined;
}

export interface TagSummary extends TagLink {
  count: number;
  pages: ListingPage[];
}

export interface ArchiveMonth {
  month: string;
  label: string;
  posts: PostSummary[];
}

export interface ArchiveYear {
  year: string;
  months: ArchiveMonth[];
}

export interface BlogIndex {
  /** Listed posts, newest first. */
  posts: PostSummary[];
  byUrl: Map<string, PostSummary>;
  tags: TagSummary[];
  /** The home page and its later pages. */
  homePages: Array<ListingPage & { head: PageHead }>;
  /** Every page of every tag, flat, for one paginated template. */
  tagPages: Array<ListingPage & { tag: TagLink; head: PageHead }>;
  archive: ArchiveYear[];
  newer: Map<string, PostSummary>;
  older: Map<string, PostSummary>;
  related: RelatedPosts;
  /** Listed posts citing each tweet, newest first. */
  tweetBacklinks: Map<number, PostSummary[]>;
}

/** The related posts of each listed post, by its URL. */
export interface RelatedPosts {
  get(url: string): PostSummary[] | undefined;
}

export interface IndexOptions {
  postsPerPage: number;
  relatedCount?: number;
  /** How many neighbours on each side of a post, in each shared tag or tweet, may become related. */
  relatedWindow?: number;
  /** Month names for the archive. */
  locale?: string;
}

/** Slugs of the tag names seen so far: a blog has tens of tags and thousands of posts that name them. */
const tagSlugs = new Map<string, string>();

export function tagSlug(name: string): string {
  let slug = tagSlugs.get(name);
  if (slug === undefined) {
    slug = slugify(name) || "tag";
    tagSlugs.set(name, slug);
  }
  return slug;
}

export function tagLink(name: string): TagLink {
  const slug = tagSlug(name);
  return { name, slug, url: `/tags/${slug}/` };
}

export function summarize(post: PostSource, status: PostStatus): PostSummary {
  const fm = post.frontMatter;
  return {
    file: post.file,
    url: post.url,
    slug: post.slug,
    title: fm.title,
    date: fm.date.date,
    day: fm.date.day,
    updated: fm.updated?.date,
    description: post.description,
    tags: fm.tags.map(tagLink),
    status,
    readingMinutes: post.readingMinutes,
    citedTweets: post.citedTweets,
    unplacedTweets: post.unplacedTweets,
  };
}

/** Splits posts into pages: the first at `firstUrl`, then `<base>page/N/`. */
export function paginate(posts: PostSummary[], perPage: number, firstUrl: string): ListingPage[] {
  const totalPages = Math.max(1, Math.ceil(posts.length / perPage));
  const urlOf = (n: number) => (n === 1 ? firstUrl : `${firstUrl}page/${n}/`);
  return Array.from({ length: totalPages }, (_, i) => ({
    url: urlOf(i + 1),
    pageNumber: i + 1,
    totalPages,
    posts: posts.slice(i * perPage, (i + 1) * perPage),
    previousUrl: i > 0 ? urlOf(i) : undefined,
    nextUrl: i + 1 < totalPages ? urlOf(i + 2) : undefined,
  }));
}

/** The home page keeps the site's own title; its later pages are numbered. */
export function homePageHead(pageNumber: number): PageHead {
  return pageNumber > 1 ? { title: `Page ${pageNumber}` } : {};
}

export function tagPageHead(tagName: string, pageNumber: number): PageHead {
  return {
    title: `Posts tagged “${tagName}”${pageNumber > 1 ? `, page ${pageNumber}` : ""}`,
    description: `Career advice posts about ${tagName}.`,
  };
}

function newestFirst(a: PostSummary, b: PostSummary): number {
  return b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url);
}

export function groupByArchive(posts: PostSummary[], locale = "en"): ArchiveYear[] {
  const monthName = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" });
  const years: ArchiveYear[] = [];
  for (const post of posts) {
    const year = post.day.slice(0, 4);
    const month = post.day.slice(5, 7);
    let y = years.at(-1);
    if (!y || y.year !== year) years.push((y = { year, months: [] }));
    let m = y.months.at(-1);
    if (!m || m.month !== month) {
      y.months.push((m = { month, label: monthName.format(new Date(Date.UTC(Number(year), Number(month) - 1, 1))), posts: [] }));
    }
    m.posts.push(post);
  }
  return years;
}

/**
 * The `count` best candidates, best first: highest score, then nearest in time
 * to `time`, then newest. One pass that keeps the best few, not a sort of
 * every candidate: it runs for each of thousands of posts.
 */
function topRanked(scores: Map<PostSummary, number>, time: number, count: number): PostSummary[] {
  const best: Array<{ post: PostSummary; score: number; distance: number }> = [];
  for (const [post, score] of scores) {
    const candidate = { post, score, distance: Math.abs(post.date.getTime() - time) };
    let at = best.length;
    while (at > 0 && ranksAbove(candidate, best[at - 1]!)) at--;
    if (at < count) {
      best.splice(at, 0, candidate);
      if (best.length > count) best.pop();
    }
  }
  return best.map(({ post }) => post);
}

function ranksAbove(a: { post: PostSummary; score: number; distance: number }, b: { post: PostSummary; score: number; distance: number }): boolean {
  return (b.score - a.score || a.distance - b.distance || newestFirst(a.post, b.post)) < 0;
}

/**
 * Related posts by shared tweets (weight 2) and tags (weight 1). For each
 * tweet and tag of a post only the `window` posts nearest in time on each side
 * are candidates, which keeps the work linear in posts. Each post's list is
 * worked out when first asked for: a full build asks for every post once, a
 * dev-server rebuild only for the few pages it renders.
 */
export function relatedPosts(posts: PostSummary[], groups: Map<string, PostSummary[]>, count: number, window: number): RelatedPosts {
  let lookup: { position: Map<PostSummary, Map<string, number>>; indexByUrl: Map<string, number> } | undefined;
  const ranked = new Map<string, PostSummary[]>();

  function prepare() {
    const position = new Map<PostSummary, Map<string, number>>();
    for (const [key, members] of groups) {
      members.forEach((post, i) => {
        let positions = position.get(post);
        if (!positions) position.set(post, (positions = new Map()));
        positions.set(key, i);
      });
    }
    return { position, indexByUrl: new Map(posts.map((post, i) => [post.url, i])) };
  }

  function rank(post: PostSummary, postIndex: number, position: Map<PostSummary, Map<string, number>>): PostSummary[] {
    const scores = new Map<PostSummary, number>();
    for (const [key, i] of position.get(post) ?? []) {
      const members = groups.get(key)!;
      const weight = key.startsWith("tweet:") ? 2 : 1;
      for (let j = Math.max(0, i - window); j <= Math.min(members.length - 1, i + window); j++) {
        const candidate = members[j]!;
        if (candidate !== post) scores.set(candidate, (scores.get(candidate) ?? 0) + weight);
      }
    }
    const chosen = topRanked(scores, post.date.getTime(), count);
    for (let step = 1; chosen.length < count && step < posts.length; step++) {
      for (const neighbour of [posts[postIndex - step], posts[postIndex + step]]) {
        if (neighbour && chosen.length < count && !chosen.includes(neighbour)) chosen.push(neighbour);
      }
    }
    return chosen;
  }

  return {
    get(url) {
      let list = ranked.get(url);
      if (list) return list;
      lookup ??= prepare();
      const postIndex = lookup.indexByUrl.get(url);
      if (postIndex === undefined) return undefined;
      list = rank(posts[postIndex]!, postIndex, lookup.position);
      ranked.set(url, list);
      return list;
    },
  };
}

export function buildBlogIndex(listed: PostSummary[], options: IndexOptions): BlogIndex {
  const posts = [...listed].sort(newestFirst);
  const byUrl = new Map(posts.map((p) => [p.url, p]));
  const newer = new Map<string, PostSummary>();
  const older = new Map<string, PostSummary>();
  posts.forEach((post, i) => {
    if (i > 0) newer.set(post.url, posts[i - 1]!);
    if (i + 1 < posts.length) older.set(post.url, posts[i + 1]!);
  });

  const tagMembers = new Map<string, { link: TagLink; posts: PostSummary[] }>();
  const groups = new Map<string, PostSummary[]>();
  const tweetBacklinks = new Map<number, PostSummary[]>();
  for (const post of posts) {
    for (const tag of post.tags) {
      let entry = tagMembers.get(tag.slug);
      if (!entry) tagMembers.set(tag.slug, (entry = { link: tag, posts: [] }));
      entry.posts.push(post);
    }
    for (const number of post.citedTweets) {
      let citing = tweetBacklinks.get(number);
      if (!citing) tweetBacklinks.set(number, (citing = []));
      citing.push(post);
    }
  }
  for (const [slug, entry] of tagMembers) groups.set(`tag:${slug}`, entry.posts);
  for (const [number, citing] of tweetBacklinks) groups.set(`tweet:${number}`, citing);

  const tags: TagSummary[] = [...tagMembers.values()]
    .map(({ link, posts: members }) => ({ ...link, count: members.length, pages: paginate(members, options.postsPerPage, link.url) }))
    .sort((a, b) => a.name.localeCompare(b.name, options.locale ?? "en"));

  return {
    posts,
    byUrl,
    homePages: paginate(posts, options.postsPerPage, "/").map((page) => ({ ...page, head: homePageHead(page.pageNumber) })),
    tags,
    tagPages: tags.flatMap((tag) =>
      tag.pages.map((page) => ({ ...page, tag: { name: tag.name, slug: tag.slug, url: tag.url }, head: tagPageHead(tag.name, page.pageNumber) })),
    ),
    archive: groupByArchive(posts, options.locale),
    newer,
    older,
    related: relatedPosts(posts, groups, options.relatedCount ?? 3, options.relatedWindow ?? 8),
    tweetBacklinks,
  };
}
