// The site's table of contents: each concern is a local plugin in lib/.
// Run through the tsx loader (see package.json scripts): Eleventy 3 does not
// load TypeScript configuration by itself.

import type UserConfig from "@11ty/eleventy/UserConfig";

import assetsPlugin from "./lib/assets/plugin.ts";
import commentsPlugin from "./lib/comments/plugin.ts";
import contentPlugin from "./lib/content/plugin.ts";
import dataPlugin from "./lib/data/plugin.ts";
import devPlugin from "./lib/dev/plugin.ts";
import eleventySpeedupsPlugin from "./lib/eleventy-speedups/plugin.ts";
import feedsPlugin from "./lib/feeds/plugin.ts";
import filtersPlugin from "./lib/filters/plugin.ts";
import imagesPlugin from "./lib/images/plugin.ts";
import markdownPlugin from "./lib/markdown/plugin.ts";
import netlifyPlugin from "./lib/netlify/plugin.ts";
import nunjucksCachePlugin from "./lib/nunjucks-cache/plugin.ts";
import searchPlugin from "./lib/search/plugin.ts";
import tweetsPlugin from "./lib/tweets/plugin.ts";

export default function (eleventyConfig: UserConfig): void {
  // Markdown and Nunjucks that are not site content. (lib/ and scripts/ hold
  // only .ts modules, which are not templates; ignoring them would also hide
  // their edits from the dev server's watcher.)
  eleventyConfig.ignores.add("README.md");
  eleventyConfig.ignores.add("wordpress-import-report.md");
  eleventyConfig.ignores.add("tests/**");
  // Edits to our TypeScript modules reload the configuration in the dev server.
  eleventyConfig.addWatchTarget("./lib/**/*.ts", { resetConfig: true });

  eleventyConfig.addPlugin(eleventySpeedupsPlugin);
  eleventyConfig.addPlugin(nunjucksCachePlugin);
  eleventyConfig.addPlugin(devPlugin);
  eleventyConfig.addPlugin(dataPlugin);
  eleventyConfig.addPlugin(markdownPlugin);
  eleventyConfig.addPlugin(imagesPlugin);
  eleventyConfig.addPlugin(contentPlugin);
  eleventyConfig.addPlugin(commentsPlugin);
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(feedsPlugin);
  eleventyConfig.addPlugin(tweetsPlugin);
  eleventyConfig.addPlugin(assetsPlugin);
  eleventyConfig.addPlugin(searchPlugin);
  eleventyConfig.addPlugin(netlifyPlugin);
}

export const config = {
  templateFormats: ["md", "njk", "11ty.js"],
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
  // No `input` here: Eleventy lets a config file's input override the one a
  // script passes, which would build the project instead of a test fixture.
  // The input defaults to the current folder.
  dir: {
    includes: "_includes",
    data: "_data",
  },
};
