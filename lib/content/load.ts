// Loads and cross-checks all content of a site: settings, tweets, posts. The
// build runs it before Eleventy renders anything, and `npm run check` runs it
// alone; both report every problem at once, as `file:line: message`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import type { MarkdownIt } from "markdown-it";

import { loadArchivedComments, type CommentArchive } from "../comments/archive.ts";
import type { Problem } from "../problems.ts";
import { validateSiteSettings, type SiteSettings } from "../site/settings.ts";
import { validateTopics, validateTweets, type Tweet, type TweetTopic } from "../tweets/schema.ts";
import { parseJsonSource, parseYamlSource } from "../yaml-source.ts";
import { dayInTimeZone } from "./dates.ts";
import { postStatus, readPost, type PostSource, type PostStatus } from "./posts.ts";

export const SITE_FILE = "_data/site.json";
export const TWEETS_FILE = "_data/tweets.yaml";
export const TOPICS_FILE = "_data/tweetTopics.yaml";
export const POSTS_DIR = "posts";

export interface LoadedPost extends PostSource {
  status: PostStatus;
}

export interface Content {
  settings: SiteSettings | undefined;
  tweets: Tweet[];
  topics: TweetTopic[];
  posts: LoadedPost[];
  /** Archived reader comments by post slug (`_data/comments/<slug>.json`). */
  comments: CommentArchive;
  /** The build day in the site's time zone, `YYYY-MM-DD`. */
  today: string;
  problems: Problem[];
}

export interface LoadOptions {
  /** Project (Eleventy input) folder. */
  root: string;
  /** The moment of this build; scheduled posts are those dated after its day. */
  buildDate: Date;
  md: MarkdownIt;
  /** Reuses parsed posts whose file has not changed (the dev server keeps one). */
  cache?: PostCache;
}

/** Parsed posts by file, reused while a file's size and modification time stay the same. */
export class PostCache {
  readonly #entries = new Map<string, { stamp: string; result: PostRead["result"] }>();

  /** The file's stamp, and its parse when the file has not changed since. */
  lookup(absolutePath: string): { stamp: string; result: PostRead["result"] | undefined } {
    const stat = statSync(absolutePath);
    const stamp = `${stat.mtimeMs}:${stat.size}`;
    const hit = this.#entries.get(absolutePath);
    return { stamp, result: hit && hit.stamp === stamp ? hit.result : undefined };
  }

  remember(absolutePath: string, stamp: string, result: PostRead["result"]): void {
    this.#entries.set(absolutePath, { stamp, result });
  }

  read(absolutePath: string, file: string, md: MarkdownIt): PostRead["result"] {
    const { stamp, result } = this.lookup(absolutePath);
    if (result) return result;
    const read = readPost(readFileSync(absolutePath, "utf8"), file, md);
    this.remember(absolutePath, stamp, read);
    return read;
  }
}

/** A YAML or JSON data file with source positions, or undefined when it does not exist. */
function readYaml(root: string, file: string) {
  const absolute = path.join(root, file);
  if (!existsSync(absolute)) return undefined;
  const text = readFileSync(absolute, "utf8").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return file.endsWith(".json") ? parseJsonSource(text, file) : parseYamlSource(text, file);
}

/** Every `.md` file under `posts/`, as sorted project-relative paths. */
export function listPostFiles(root: string): string[] {
  const dir = path.join(root, POSTS_DIR);
  if (!existsSync(dir)) return [];
  return markdownFilesIn(dir, POSTS_DIR, []).sort();
}

/**
 * Walks the folder with the entries' types, as `readdirSync` lists them: Node
 * 20's `recursive: true` looks up every entry's type again, 45 ms instead of
 * 6 ms for 4,000 posts, in every build and dev rebuild.
 */
function markdownFilesIn(dir: string, relative: string, found: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = `${relative}/${entry.name}`;
    if (entry.isDirectory()) markdownFilesIn(path.join(dir, entry.name), file, found);
    else if (entry.name.endsWith(".md")) found.push(file);
  }
  return found;
}

/** One post file and what reading it gave. */
export interface PostRead {
  file: string;
  result: ReturnType<typeof readPost>;
}

/** What a load knows before it reads the posts. */
export interface SiteContent {
  settings: SiteSettings | undefined;
  tweets: Tweet[];
  topics: TweetTopic[];
  haveTweets: boolean;
  /** The build day in the site's time zone, `YYYY-MM-DD`. */
  today: string;
  /** Every `.md` file under `posts/`. */
  postFiles: string[];
  problems: Problem[];
}

export function loadContent(options: LoadOptions): Content {
  const site = loadSiteContent(options);
  const reads = site.postFiles.map((file) => ({
    file,
    result: options.cache
      ? options.cache.read(path.join(options.root, file), file, options.md)
      : readPost(readFileSync(path.join(options.root, file), "utf8"), file, options.md),
  }));
  return assembleContent(options.root, site, reads);
}

/** Settings, tweets and the list of posts: everything but reading the posts. */
export function loadSiteContent(options: Pick<LoadOptions, "root" | "buildDate">): SiteContent {
  const { root } = options;
  const problems: Problem[] = [];

  const siteSource = readYaml(root, SITE_FILE);
  let settings: SiteSettings | undefined;
  if (!siteSource) {
    problems.push({ file: SITE_FILE, line: 0, message: "site settings are missing: create _data/site.json (see README)" });
  } else {
    const result = validateSiteSettings(siteSource, SITE_FILE);
    settings = result.settings;
    problems.push(...result.problems);
  }

  let topics: TweetTopic[] = [];
  let tweets: Tweet[] = [];
  const topicsSource = readYaml(root, TOPICS_FILE);
  const tweetsSource = readYaml(root, TWEETS_FILE);
  if (topicsSource) {
    const result = validateTopics(topicsSource, TOPICS_FILE);
    topics = result.topics;
    problems.push(...result.problems);
  }
  if (tweetsSource) {
    if (!topicsSource) problems.push({ file: TOPICS_FILE, line: 0, message: "tweets need declared topics: create _data/tweetTopics.yaml" });
    const result = validateTweets(tweetsSource, TWEETS_FILE, topics.map((t) => t.id));
    tweets = result.tweets;
    problems.push(...result.problems);
  }

  const today = dayInTimeZone(options.buildDate, settings?.timezone ?? "UTC");
  return { settings, tweets, topics, haveTweets: tweetsSource !== undefined, today, postFiles: listPostFiles(root), problems };
}

/** The content of a site from its settings and tweets and its posts as read, with every cross-check. */
export function assembleContent(root: string, site: SiteContent, reads: readonly PostRead[]): Content {
  const { settings, tweets, topics, today } = site;
  const problems = [...site.problems];
  const posts: LoadedPost[] = [];
  for (const { result } of reads) {
    problems.push(...result.problems);
    if (result.post) posts.push({ ...result.post, status: postStatus(result.post.frontMatter, today) });
  }

  problems.push(...checkCitations(posts, tweets, site.haveTweets));
  problems.push(...checkUrls(posts));
  const comments = loadArchivedComments(root, posts);
  problems.push(...comments.problems);
  return { settings, tweets, topics, posts, comments: comments.archive, today, problems };
}

/** Every cited tweet must exist. */
export function checkCitations(posts: readonly PostSource[], tweets: readonly Tweet[], haveTweets: boolean): Problem[] {
  const problems: Problem[] = [];
  const count = tweets.length;
  for (const post of posts) {
    for (const citation of post.citations) {
      if (citation.number < 1 || citation.number > count) {
        problems.push({
          file: post.file,
          line: citation.line,
          message: haveTweets
            ? `Tweet ${citation.number} does not exist (tweets run 1..${count})`
            : `Tweet ${citation.number} is cited but the site has no tweets: add _data/tweets.yaml`,
        });
      }
    }
  }
  return problems;
}

/** Two posts may not publish at one URL, and an alias may neither repeat nor shadow a post. */
export function checkUrls(posts: readonly PostSource[]): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<string, PostSource>();
  for (const post of posts) {
    const other = owners.get(post.url);
    if (other) {
      problems.push({
        file: post.file,
        line: post.slugLine,
        message: `publishes at ${post.url}, the same URL as ${other.file}: give one of them a different slug`,
      });
    } else {
      owners.set(post.url, post);
    }
  }
  const aliasOwners = new Map<string, PostSource>();
  for (const post of posts) {
    for (const [index, alias] of post.frontMatter.aliases.entries()) {
      const line = post.aliasLines[index] ?? 0;
      const live = owners.get(alias) ?? owners.get(`${alias}/`);
      if (live) {
        problems.push({ file: post.file, line, message: `alias ${alias} is the live URL of ${live.file}: remove the alias` });
        continue;
      }
      const other = aliasOwners.get(alias);
      if (other && other !== post) {
        problems.push({ file: post.file, line, message: `alias ${alias} is also claimed by ${other.file}: an old URL can redirect to one post only` });
      } else {
        aliasOwners.set(alias, post);
      }
    }
  }
  return problems;
}
