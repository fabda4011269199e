// The site's table of contents: each concern is a local plugin in lib/.
// Run through the tsx loader (see package.json scripts): Eleventy 3 does not
// load TypeScript configuration by itself.
import type UserConfig from "@11ty/eleventy/UserConfig";

import assetsPlugin from "./lib/assets/plugin.ts";
import contentPlugin from "./lib/content/plugin.ts";
import dataPlugin from "./lib/data/plugin.ts";
import feedsPlugin from "./lib/feeds/plugin.ts";
import filtersPlugin from "./lib/filters/plugin.ts";
import markdownPlugin from "./lib/markdown/plugin.ts";

export default function (eleventyConfig: UserConfig): void {
  // Files at the project root that are not site content.
  for (const ignored of ["README.md", "lib/**", "scripts/**", "tests/**", ".ci/**", "bench-results/**"]) {
    eleventyConfig.ignores.add(ignored);
  }
  // Edits to our TypeScript modules reload the configuration in the dev server.
  eleventyConfig.addWatchTarget("./lib/", { resetConfig: true });

  eleventyConfig.addPlugin(dataPlugin);
  eleventyConfig.addPlugin(markdownPlugin);
  eleventyConfig.addPlugin(contentPlugin);
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(feedsPlugin);
  eleventyConfig.addPlugin(assetsPlugin);
}

export const config = {
  templateFormats: ["md", "njk", "11ty.ts"],
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
  // No `input` here: Eleventy lets a configured input override the one a
  // script passes (buildSite, the fixture builds, the benchmark); "." is the default.
  dir: {
    includes: "_includes",
    data: "_data",
  },
};
