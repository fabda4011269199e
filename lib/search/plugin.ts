// Site search with Pagefind. Each page is handed to Pagefind as soon as it is
// rendered (a transform, not awaited) and the index is written when the build
// ends, in production and in the dev server alike. The search page and its
// script live in pages/search.njk and assets/js/search.ts.
import path from "node:path";

import type UserConfig from "@11ty/eleventy/UserConfig";

import { endPhase } from "../build/timings.ts";
import { searchFacets, type SearchEntry } from "./facets.ts";
import { isIndexable, SearchIndexer, type PagefindLoader } from "./indexer.ts";

export interface SearchPluginOptions {
  /** Loads Pagefind's Node API; tests replace it to simulate a missing binary. */
  load?: PagefindLoader;
}

interface BuildEvent {
  directories: { output: string };
  incremental?: boolean;
}

export default function searchPlugin(eleventyConfig: UserConfig, options: SearchPluginOptions = {}): void {
  let indexer: SearchIndexer | undefined;

  eleventyConfig.addFilter("searchFacets", (entry: SearchEntry, locale?: string) => searchFacets(entry, locale));

  eleventyConfig.on("eleventy.before", async ({ incremental }: BuildEvent) => {
    // An incremental rebuild renders only what changed; the index must still hold every page.
    indexer ??= new SearchIndexer({ load: options.load, retainPages: incremental === true });
    await indexer.start();
  });

  eleventyConfig.addTransform("search-index", function (this: { page: { url: string; outputPath: unknown } }, content: string) {
    if (indexer && isIndexable(this.page.outputPath, content)) indexer.add(this.page.url, content);
    return content;
  });

  eleventyConfig.on("eleventy.after", async ({ directories }: BuildEvent) => {
    if (!indexer) return;
    // What search adds to the build's wall time: the wait, after rendering, for
    // Pagefind to finish the pages it was fed and write the index (the benchmark reads it).
    const started = performance.now();
    await indexer.finish(path.resolve(directories.output, "pagefind"));
    endPhase("search", started);
  });
}
