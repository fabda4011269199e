// Site search with Pagefind. Posts are handed to Pagefind as soon as the
// content is loaded (see post-document.ts), every other indexed page as soon
// as it is rendered (a transform, not awaited); the index is written when the
// build ends. The dev server writes it in the background instead, after its
// rebuilds too (see dev-index.ts). The search page and its script live in
// pages/search.njk and assets/js/search.ts.
import path from "node:path";

import type UserConfig from "@11ty/eleventy/UserConfig";

import { endPhase } from "../build/timings.ts";
import { BLOG_LOADED_EVENT, type BlogData } from "../content/plugin.ts";
import { markdownFor } from "../markdown/index.ts";
import { renderTweetCard } from "../markdown/tweet-card.ts";
import { renderWithoutTaking } from "../markdown/token-reuse.ts";
import { tweetUrl } from "../tweets/browse.ts";
import { searchFacets, searchMetaHtml, type SearchEntry } from "./facets.ts";
import { DevSearchIndex } from "./dev-index.ts";
import { isIndexable, SearchIndexer, type PagefindLoader } from "./indexer.ts";
import { postSearchDocument } from "./post-document.ts";

export interface SearchPluginOptions {
  /** Loads Pagefind's Node API; tests replace it to simulate a missing binary. */
  load?: PagefindLoader;
}

interface BuildEvent {
  directories: { output: string };
  runMode?: "build" | "watch" | "serve";
}

/** Sends every post of the build to Pagefind, rendered from the content model. */
function indexPosts(send: (url: string, html: string) => void, blog: BlogData, md: ReturnType<typeof markdownFor>): void {
  const language = blog.settings?.language ?? "en";
  const env = { tweets: blog.tweets };
  for (const { source, summary } of blog.byFile.values()) {
    const tags = summary.tags.map((tag) => tag.name);
    const document = postSearchDocument({
      language,
      title: summary.title,
      facets: searchFacets({ type: "post", date: summary.date, tags }, language),
      tags,
      coverAlt: source.frontMatter.image === undefined ? undefined : source.frontMatter.imageAlt,
      tweetCards: summary.unplacedTweets.map((n) => renderTweetCard(n, blog.tweetsByNumber.get(n)?.text, tweetUrl(n))),
      bodyHtml: renderWithoutTaking(md, source.body, env),
    });
    send(summary.url, document);
  }
}

export default function searchPlugin(eleventyConfig: UserConfig, options: SearchPluginOptions = {}): void {
  const md = markdownFor(eleventyConfig);
  let blog: BlogData | undefined;
  /** Pagefind, fed while this build renders; none in a dev server's rebuild. */
  let session: SearchIndexer | undefined;
  /** Every page, kept across the dev server's rebuilds; none in a one-off build. */
  let dev: DevSearchIndex | undefined;

  const send = (url: string, html: string) => {
    session?.add(url, html);
    dev?.keep(url, html);
  };

  eleventyConfig.addShortcode("searchMeta", (entry: SearchEntry, locale?: string) => searchMetaHtml(searchFacets(entry, locale)));

  // The content plugin's `eleventy.before` runs first and announces the build's posts.
  eleventyConfig.on(BLOG_LOADED_EVENT, (loaded: BlogData) => {
    blog = loaded;
  });

  eleventyConfig.on("eleventy.before", async ({ runMode }: BuildEvent) => {
    // A build that failed never reached eleventy.after: stop its Pagefind.
    await session?.abort();
    session = undefined;
    if (runMode === "serve" || runMode === "watch") {
      dev ??= new DevSearchIndex({ load: options.load });
      // A newer save makes the index anew: one still waiting or being written is dropped.
      await dev.cancel();
      // After the first build, a rebuild renders only what changed: those pages
      // replace their kept versions, and Pagefind starts once the build is done.
      if (dev.size > 0) return;
    }
    session = new SearchIndexer({ load: options.load });
    await session.start();
    if (blog) indexPosts(send, blog, md);
  });

  eleventyConfig.addTransform("search-index", function (this: { page: { url: string; outputPath: unknown } }, content: string) {
    if (!session?.has(this.page.url) && isIndexable(this.page.outputPath, content)) send(this.page.url, content);
    return content;
  });

  eleventyConfig.on("eleventy.after", async ({ directories }: BuildEvent) => {
    const outputPath = path.resolve(directories.output, "pagefind");
    const fed = session;
    session = undefined;
    // The dev server reloads the page when the build ends: the author sees an
    // edit at once, and the index follows in the background.
    if (dev) return void dev.schedule(outputPath, fed);
    if (!fed) return;
    // What search adds to the build's wall time: the wait, after rendering, for
    // Pagefind to finish the pages it was fed and write the index (the benchmark reads it).
    // A build is not done, and not published, without its index.
    const started = performance.now();
    await fed.finish(outputPath);
    endPhase("search", started);
  });
}
