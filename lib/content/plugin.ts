// Registers the content model with Eleventy: validates every post and data file
// before anything renders, leaves unpublished posts out of production builds,
// and publishes the blog index as global data for the listing templates.
import path from "node:path";

import type UserConfig from "@11ty/eleventy/UserConfig";

import { buildContextFromEnv } from "../build-context.ts";
import { endPhase } from "../build/timings.ts";
import { withoutTemplateFunctions } from "../eleventy-speedups/plain-functions.ts";
import { FEED_SIZE } from "../feeds/plugin.ts";
import { markdownFor } from "../markdown/index.ts";
import { forgetParsedTokens } from "../markdown/token-reuse.ts";
import { renderTweetCard } from "../markdown/tweet-card.ts";
import { ContentError } from "../problems.ts";
import { tweetPageHead, tweetUrl } from "../tweets/browse.ts";
import { buildBlogIndex, summarize, type BlogIndex, type PageHead, type PostSummary } from "./blog-index.ts";
import { assembleContent, loadSiteContent, PostCache, type Content, type LoadedPost } from "./load.ts";
import { readPosts } from "./parallel-read.ts";

/** A published post with its Eleventy collection item (for rendered content). */
export interface FeedPost {
  summary: PostSummary;
  item: { templateContent: string; inputPath: string };
}

/** A built post: what was read from its file, and what templates show of it. */
export interface PostEntry {
  source: LoadedPost;
  summary: PostSummary;
}

/** What templates see as `blog`. */
export interface BlogData extends BlogIndex {
  production: boolean;
  buildDate: Date;
  today: string;
  /** Every post that is built (listed or not), by project-relative file. */
  byFile: Map<string, PostEntry>;
  /**
   * The post built from a template, by its Eleventy input path. A method of
   * the data rather than a filter: Eleventy keeps compiled layouts across
   * builds in one process, with the filters of the build that compiled them.
   */
  postAt(inputPath: string): PostEntry | undefined;
  tweets: Content["tweets"];
  topics: Content["topics"];
  tweetsByNumber: Map<number, Content["tweets"][number]>;
  /** One per tweet page, in number order. */
  tweetPages: Array<{ tweet: Content["tweets"][number]; head: PageHead }>;
  /** Validated site settings (templates may read the raw `site` data; logic should use these). */
  settings: Content["settings"];
  /** Archived reader comments by post slug. */
  comments: Content["comments"];
}

/**
 * Emitted on the Eleventy configuration with each build's `BlogData` once the
 * content is loaded and valid, before anything renders.
 */
export const BLOG_LOADED_EVENT = "blog.loaded";

/** Project files by input folder and input path: asked for each template in every build and dev rebuild. */
const projectFiles = new Map<string, string>();

/** The project-relative file (`posts/2024/x.md`) of an Eleventy input path under `inputDir`. */
function projectFile(inputDir: string, inputPath: string): string {
  const key = `${inputDir}\0${inputPath}`;
  let file = projectFiles.get(key);
  if (file === undefined) {
    file = path.relative(inputDir, inputPath).split(path.sep).join("/");
    projectFiles.set(key, file);
  }
  return file;
}

/** `inputDir`: Eleventy's input folder, which its input paths start with. */
export function buildBlogData(content: Content, production: boolean, buildDate: Date, inputDir: string): BlogData {
  const built = content.posts.filter((post) => !production || post.status === "published");
  const byFile = new Map<string, PostEntry>(built.map((source) => [source.file, { source, summary: summarize(source, source.status) }]));
  const index = buildBlogIndex(
    [...byFile.values()].map((entry) => entry.summary),
    { postsPerPage: content.settings?.postsPerPage ?? 10, locale: content.settings?.language ?? "en" },
  );
  // Frozen: Eleventy merges global data into each template's data, copying
  // every plain object it can change, but takes a frozen one as it is.
  return Object.freeze<BlogData>({
    ...index,
    production,
    buildDate,
    today: content.today,
    byFile,
    postAt: (inputPath) => byFile.get(projectFile(inputDir, inputPath)),
    tweets: content.tweets,
    topics: content.topics,
    tweetsByNumber: new Map(content.tweets.map((tweet) => [tweet.number, tweet])),
    tweetPages: content.tweets.map((tweet) => ({ tweet, head: tweetPageHead(tweet) })),
    settings: content.settings,
    comments: content.comments,
  });
}

export default function contentPlugin(eleventyConfig: UserConfig): void {
  const md = markdownFor(eleventyConfig);
  const cache = new PostCache();
  const { production } = buildContextFromEnv();
  let blog: BlogData | undefined;
  let inputDir = ".";

  const entryFor = (inputPath: string) => blog?.postAt(inputPath);
  const isPost = (inputPath: string) => projectFile(inputDir, inputPath).startsWith("posts/");

  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { input: string } }) => {
    const started = performance.now();
    inputDir = directories.input;
    forgetParsedTokens(md);
    const { buildDate } = buildContextFromEnv();
    const site = loadSiteContent({ root: inputDir, buildDate });
    // Posts read now (not from the dev server's cache) are rendered ahead as they are read, when built.
    const reads = await readPosts(site.postFiles, { root: inputDir, md, cache, tweets: site.tweets, today: site.today, production });
    const content = assembleContent(inputDir, site, reads);
    if (content.problems.length > 0) throw new ContentError(content.problems);
    blog = buildBlogData(content, production, buildDate, inputDir);
    // The tokens of posts this build leaves out.
    forgetParsedTokens(md, { keepRendered: true });
    endPhase("content", started);
    await eleventyConfig.emit(BLOG_LOADED_EVENT, blog);
  });

  eleventyConfig.addGlobalData("blog", () => blog);

  // Returning false drops the template: a draft or scheduled post never reaches a production build.
  eleventyConfig.addPreprocessor("unpublished-posts", "md", (data: { page: { inputPath: string } }) => {
    if (isPost(data.page.inputPath) && !entryFor(data.page.inputPath)) return false;
    return undefined;
  });

  // The feeds read the newest published posts through this filter, from the
  // `blogPost` collection every post belongs to (posts/posts.11tydata.json).
  // A tag collection, not one made by addCollection: in the dev server's
  // incremental rebuild Eleventy treats a template that imports a
  // configuration collection as depending on every page, and re-renders all
  // the listing pages after each save; one that imports a tag collection
  // depends only on the posts.
  eleventyConfig.addFilter("feedPosts", (posts: FeedPost["item"][]) => {
    const items = new Map(posts.map((item) => [projectFile(inputDir, item.inputPath), item]));
    const feed: FeedPost[] = [];
    for (const summary of blog?.posts ?? []) {
      if (feed.length === FEED_SIZE) break;
      if (summary.status !== "published") continue;
      const item = items.get(summary.file);
      if (item) feed.push({ summary, item });
    }
    return feed;
  });

  // The build's data comes in as an argument: Eleventy keeps compiled layouts,
  // and the shortcodes they call, across builds in one process (see postAt).
  eleventyConfig.addShortcode("tweetCard", (number: number, data: BlogData | undefined) =>
    renderTweetCard(number, data?.tweetsByNumber.get(number)?.text, tweetUrl(number)),
  );

  // A post's URL, by the page's input path (layouts find the post they lay
  // out with `blog.postAt`). Not `eleventyComputed`: Eleventy runs its
  // computed-data machinery for every template that has any, on every full and
  // dev rebuild. Global data, so every template without a permalink of its own
  // asks here; undefined leaves a page that is not a post at Eleventy's default.
  // It needs no filters as its `this` (lib/eleventy-speedups/plain-functions.ts).
  eleventyConfig.addGlobalData("permalink", () =>
    withoutTemplateFunctions((data: { page: { inputPath: string } }) => {
      const entry = entryFor(data.page.inputPath);
      return entry ? `${entry.summary.url}index.html` : undefined;
    }),
  );
}
