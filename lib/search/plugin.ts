// Site search with Pagefind. Posts are handed to Pagefind as soon as the
// content is loaded (see post-document.ts), every other indexed page as soon
// as it is rendered (a transform, not awaited); the index is written when the
// build ends, in production and in the dev server alike (there without
// holding up the page reload). The search page and its
// script live in pages/search.njk and assets/js/search.ts.
import path from "node:path";

import type UserConfig from "@11ty/eleventy/UserConfig";

import { buildContextFromEnv } from "../build-context.ts";
import { endPhase } from "../build/timings.ts";
import { BLOG_LOADED_EVENT, type BlogData } from "../content/plugin.ts";
import { markdownFor } from "../markdown/index.ts";
import { renderTweetCard } from "../markdown/tweet-card.ts";
import { renderWithoutTaking } from "../markdown/token-reuse.ts";
import { tweetUrl } from "../tweets/browse.ts";
import { searchFacets, searchMetaHtml, type SearchEntry } from "./facets.ts";
import { isIndexable, SearchIndexer, type PagefindLoader } from "./indexer.ts";
import { postSearchDocument } from "./post-document.ts";

export interface SearchPluginOptions {
  /** Loads Pagefind's Node API; tests replace it to simulate a missing binary. */
  load?: PagefindLoader;
}

interface BuildEvent {
  directories: { output: string };
  incremental?: boolean;
}

/** Sends every post of the build to Pagefind, rendered from the content model. */
function indexPosts(indexer: SearchIndexer, blog: BlogData, md: ReturnType<typeof markdownFor>): void {
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
    indexer.add(summary.url, document);
  }
}

export default function searchPlugin(eleventyConfig: UserConfig, options: SearchPluginOptions = {}): void {
  const md = markdownFor(eleventyConfig);
  let indexer: SearchIndexer | undefined;
  let blog: BlogData | undefined;
  /** The dev server's index being written after its build ended. */
  let writing: { done: Promise<void>; superseded: boolean } | undefined;

  eleventyConfig.addShortcode("searchMeta", (entry: SearchEntry, locale?: string) => searchMetaHtml(searchFacets(entry, locale)));

  // The content plugin's `eleventy.before` runs first and announces the build's posts.
  eleventyConfig.on(BLOG_LOADED_EVENT, (loaded: BlogData) => {
    blog = loaded;
  });

  eleventyConfig.on("eleventy.before", async ({ incremental }: BuildEvent) => {
    // A dev rebuild makes the index anew: an older one still being written is dropped.
    if (writing) {
      writing.superseded = true;
      await indexer?.abort();
      await writing.done;
      writing = undefined;
    }
    // An incremental rebuild renders only what changed; the index must still hold every page.
    indexer ??= new SearchIndexer({ load: options.load, retainPages: incremental === true });
    await indexer.start();
    // In an incremental rebuild the changed pages come through the transform; the rest are retained.
    if (!incremental && blog) indexPosts(indexer, blog, md);
  });

  eleventyConfig.addTransform("search-index", function (this: { page: { url: string; outputPath: unknown } }, content: string) {
    if (indexer && !indexer.has(this.page.url) && isIndexable(this.page.outputPath, content)) indexer.add(this.page.url, content);
    return content;
  });

  eleventyConfig.on("eleventy.after", async ({ directories }: BuildEvent) => {
    if (!indexer) return;
    // What search adds to the build's wall time: the wait, after rendering, for
    // Pagefind to finish the pages it was fed and write the index (the benchmark reads it).
    const started = performance.now();
    const finished = indexer.finish(path.resolve(directories.output, "pagefind")).then(() => endPhase("search", started));
    // A production build is not done, and not published, without its index.
    if (buildContextFromEnv().production) return finished;
    // The dev server reloads the page when the build ends: let the author see
    // an edit at once, and the index follow a few seconds later.
    const job = {
      superseded: false,
      done: finished.catch((error: unknown) => {
        if (!job.superseded) console.error(error instanceof Error ? error.message : error);
      }),
    };
    writing = job;
  });
}
