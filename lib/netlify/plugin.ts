// Writes `_redirects` for Netlify: every alias of every built post becomes a
// 301 to the post. A virtual template, so any site built with this
// configuration gets the file without a template of its own. After the build,
// aliases that could never fire fail it: one that is the address of another
// page, or two that Netlify would read as one address. (Two posts with the same
// alias, or an alias that is a post's URL, are caught before rendering, with
// all content problems: lib/content/load.ts `checkUrls`.)
import path from "node:path";

import type UserConfig from "@11ty/eleventy/UserConfig";

import type { BlogData } from "../content/plugin.ts";
import { ContentError } from "../problems.ts";
import { aliasRedirects, conflictingAliases, formatRedirects, shadowedAliases, type RedirectRule } from "./redirects.ts";

interface BuildResult {
  url: string | false;
  inputPath: string;
}

export default function netlifyPlugin(eleventyConfig: UserConfig): void {
  let rules: RedirectRule[] = [];

  eleventyConfig.addTemplate(
    "netlify-redirects.11ty.js",
    {
      render({ blog }: { blog: BlogData }): string {
        rules = aliasRedirects(
          [...blog.byFile.values()].map(({ source, summary }) => ({
            file: source.file,
            url: summary.url,
            aliases: source.frontMatter.aliases,
            aliasLines: source.aliasLines,
          })),
        );
        return formatRedirects(rules);
      },
    },
    { permalink: "/_redirects", eleventyExcludeFromCollections: true },
  );

  eleventyConfig.on(
    "eleventy.after",
    ({ results, directories }: { results: BuildResult[]; directories: { input: string } }) => {
      const pages = results.flatMap((result) =>
        typeof result.url === "string"
          ? [{ url: result.url, file: path.relative(directories.input, result.inputPath).split(path.sep).join("/") }]
          : [],
      );
      const problems = [...conflictingAliases(rules), ...shadowedAliases(rules, pages)];
      if (problems.length > 0) throw new ContentError(problems);
    },
  );
}
