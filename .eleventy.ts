// The site's table of contents: each concern is a local plugin in lib/.
// Run through the tsx loader (see package.json scripts): Eleventy 3 does not
// load TypeScript configuration by itself.
import path from "node:path";

import type UserConfig from "@11ty/eleventy/UserConfig";

import assetsPlugin from "./lib/assets/plugin.ts";
import contentPlugin from "./lib/content/plugin.ts";
import dataPlugin from "./lib/data/plugin.ts";
import feedsPlugin from "./lib/feeds/plugin.ts";
import filtersPlugin from "./lib/filters/plugin.ts";
import markdownPlugin from "./lib/markdown/plugin.ts";
import netlifyPlugin from "./lib/netlify/plugin.ts";

export default function (eleventyConfig: UserConfig): void {
  // Files of the project that are not site content. Eleventy resolves ignores
  // from the working folder, so they are anchored to the input folder: a test
  // fixture under tests/ is a site of its own and must not ignore itself.
  const input = path.relative(".", (eleventyConfig.directories as { input: string }).input).split(path.sep).join("/");
  for (const ignored of ["README.md", "docs-deploy.md", "lib/**", "scripts/**", "tests/**", ".ci/**", "bench-results/**"]) {
    eleventyConfig.ignores.add(path.posix.join(input, ignored));
  }
  // Edits to our TypeScript modules reload the configuration in the dev server.
  eleventyConfig.addWatchTarget("./lib/", { resetConfig: true });

  eleventyConfig.addPlugin(dataPlugin);
  eleventyConfig.addPlugin(markdownPlugin);
  eleventyConfig.addPlugin(contentPlugin);
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(feedsPlugin);
  eleventyConfig.addPlugin(assetsPlugin);
  eleventyConfig.addPlugin(netlifyPlugin);
}

export const config = {
  templateFormats: ["md", "njk", "11ty.ts"],
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
  // No `input` here: Eleventy's default is the project folder, and a value set
  // here would override the input given to `new Eleventy(input, ...)`, so test
  // fixtures would build this project's content instead of their own.
  dir: {
    includes: "_includes",
    data: "_data",
  },
};
