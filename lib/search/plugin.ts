// Site search with Pagefind. Posts are handed to Pagefind as soon as the
// content is loaded, every other indexed page once Eleventy has rendered its
// content and before it writes any page (see documents.ts); Pagefind then
// writes the index while Eleventy writes the site. A page whose search region
// only its finished HTML shows (a layout of the site's own) is caught by a
// transform, and the index is written again with it. The dev server writes
// the index in the background instead, after its rebuilds too (see
// dev-index.ts). The search page and its script live in pages/search.njk and
// assets/js/search.ts.
import { rmSync } from "node:fs";
import path from "node:path";

import type UserConfig from "@11ty/eleventy/UserConfig";

import { buildContextFromEnv } from "../build-context.ts";
import { endPhase } from "../build/timings.ts";
import { BLOG_LOADED_EVENT, type BlogData } from "../content/plugin.ts";
import { markdownFor } from "../markdown/index.ts";
import { renderTweetCard } from "../markdown/tweet-card.ts";
import { postRenderEnv, renderAhead } from "../markdown/token-reuse.ts";
import { tweetUrl } from "../tweets/browse.ts";
import { DevSearchIndex } from "./dev-index.ts";
import { postSearchDocument, renderedPageDocument, type RenderedPage } from "./documents.ts";
import { searchFacets, searchMetaHtml, type SearchEntry } from "./facets.ts";
import { isIndexable, SearchIndexer, type PagefindLoader } from "./indexer.ts";

export interface SearchPluginOptions {
  /** Loads Pagefind's Node API; tests replace it to simulate a missing binary. */
  load?: PagefindLoader;
}

interface BuildEvent {
  directories: { input: string; output: string };
  runMode?: "build" | "watch" | "serve";
}

/** Sends every post of the build to Pagefind, its body as the content plugin rendered it ahead for its page. */
function indexPosts(send: (url: string, html: string) => void, blog: BlogData, md: ReturnType<typeof markdownFor>, inputDir: string): void {
  const language = blog.settings?.language ?? "en";
  for (const { source, summary } of blog.byFile.values()) {
    const tags = summary.tags.map((tag) => tag.name);
    const document = postSearchDocument({
      language,
      title: summary.title,
      facets: searchFacets({ type: "post", date: summary.date, tags }, language),
      tags,
      coverAlt: source.frontMatter.image === undefined ? undefined : source.frontMatter.imageAlt,
      tweetCards: summary.unplacedTweets.map((n) => renderTweetCard(n, blog.tweetsByNumber.get(n)?.text, tweetUrl(n))),
      bodyHtml: renderAhead(md, source.body, postRenderEnv(inputDir, source.file, blog.tweets)),
    });
    send(summary.url, document);
  }
}

export default function searchPlugin(eleventyConfig: UserConfig, options: SearchPluginOptions = {}): void {
  const md = markdownFor(eleventyConfig);
  let blog: BlogData | undefined;
  let inputDir = ".";
  let outputPath = "";
  /** Pagefind, fed while this build renders; none in a dev server's rebuild. */
  let session: SearchIndexer | undefined;
  /** Every page, kept across the dev server's rebuilds; none in a one-off build. */
  let dev: DevSearchIndex | undefined;
  /** A one-off build's pages other than posts, should the index have to be written again. */
  const pages = new Map<string, string>();
  /** The index being written while Eleventy writes the pages. */
  let writing: Promise<unknown> | undefined;
  /** Pages with a search region that no document foresaw: the index is written again with them. */
  const late = new Map<string, string>();
  let items: RenderedPage[] = [];
  /** This build's Pagefind session once it has started; undefined in a dev server's rebuild. */
  let sessionStarted: Promise<SearchIndexer | undefined> = Promise.resolve(undefined);

  const send = (url: string, html: string) => {
    session?.add(url, html);
    dev?.keep(url, html);
  };
  const sendPage = (url: string, html: string) => {
    send(url, html);
    if (!dev) pages.set(url, html);
  };

  eleventyConfig.addShortcode("searchMeta", (entry: SearchEntry, locale?: string) => searchMetaHtml(searchFacets(entry, locale)));

  eleventyConfig.on("eleventy.before", ({ runMode, directories }: BuildEvent) => {
    inputDir = directories.input;
    outputPath = path.resolve(directories.output, "pagefind");
    sessionStarted = startSession(runMode);
    return sessionStarted;
  });

  async function startSession(runMode: BuildEvent["runMode"]): Promise<SearchIndexer | undefined> {
    // A build that failed never reached eleventy.after: stop its Pagefind.
    await session?.abort();
    session = undefined;
    writing = undefined;
    pages.clear();
    late.clear();
    if (!buildContextFromEnv().searchIndex) return undefined;
    if (runMode === "serve" || runMode === "watch") {
      dev ??= new DevSearchIndex({ load: options.load });
      // A newer save makes the index anew: one still waiting or being written is dropped.
      await dev.cancel();
      // After the first build, a rebuild renders only what changed: those pages
      // replace their kept versions, and Pagefind starts once the build is done.
      if (dev.size > 0) return undefined;
    }
    session = new SearchIndexer({ load: options.load });
    await session.start();
    return session;
  }

  // The content plugin announces the build's posts while the `eleventy.before`
  // handlers run (Eleventy runs them side by side): send them to this build's
  // Pagefind as soon as it has started.
  eleventyConfig.on(BLOG_LOADED_EVENT, async (loaded: BlogData) => {
    blog = loaded;
    if (await sessionStarted) indexPosts(send, loaded, md, inputDir);
  });

  // Not a collection templates read: it hands this plugin the build's pages,
  // whose rendered content Eleventy adds before it writes the first of them.
  eleventyConfig.addCollection("searchCandidates", (api: { getAll(): RenderedPage[] }) => {
    items = api.getAll();
    return [];
  });

  // Every page's content is rendered, none written yet: in a one-off build,
  // feed the pages that are not posts and let Pagefind write its index while
  // Eleventy writes the site.
  eleventyConfig.on("eleventy.layouts", () => {
    if (!session || dev) return;
    const language = blog?.settings?.language ?? "en";
    for (const item of items) {
      if (typeof item.url !== "string" || session.has(item.url)) continue;
      const document = renderedPageDocument(item, language);
      if (document !== undefined) sendPage(item.url, document);
    }
    items = [];
    writing = session.finish(outputPath);
    // Awaited in eleventy.after; a failure before then must not count as unhandled.
    writing.catch(() => undefined);
  });

  eleventyConfig.addTransform("search-index", function (this: { page: { url: string; outputPath: unknown } }, content: string) {
    // No index is being built (BLOG_SEARCH_INDEX=off): nothing to look for.
    if (!session && !dev) return content;
    if (session?.has(this.page.url) || !isIndexable(this.page.outputPath, content)) return content;
    if (writing) late.set(this.page.url, content);
    else sendPage(this.page.url, content);
    return content;
  });

  eleventyConfig.on("eleventy.after", async () => {
    const fed = session;
    session = undefined;
    // The dev server reloads the page when the build ends: the author sees an
    // edit at once, and the index follows in the background.
    if (dev) return void dev.schedule(outputPath, fed);
    if (!fed) return;
    // What search adds to the build's wall time: the wait, after Eleventy has
    // written the last page, for Pagefind to write the index (the benchmark
    // reads it). A build is not done, and not published, without its index.
    const started = performance.now();
    await (writing ?? fed.finish(outputPath));
    if (late.size > 0) await rewriteIndex();
    endPhase("search", started);
  });

  /** Writes the index again, from scratch, with every page: the posts made again rather than kept all build long. */
  async function rewriteIndex(): Promise<void> {
    const started = performance.now();
    const again = new SearchIndexer({ load: options.load });
    await again.start();
    if (blog) indexPosts((url, html) => again.add(url, html), blog, md, inputDir);
    for (const [url, html] of [...pages, ...late]) again.add(url, html);
    rmSync(outputPath, { recursive: true, force: true });
    await again.finish(outputPath);
    endPhase("search-rewrite", started);
  }
}
