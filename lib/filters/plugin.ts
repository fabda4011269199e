// Registers the small, pure helpers templates use. Each lives, typed and
// tested, in its own module; this file only wires names to functions.
import type UserConfig from "@11ty/eleventy/UserConfig";

import type { PostSummary } from "../content/blog-index.ts";
import { readingMinutes } from "../content/text.ts";
import { htmlDateString, readableDate, rfc3339 } from "./dates.ts";
import { blogPosting, jsonLdScript } from "./json-ld.ts";
import { sitemapEntries } from "./sitemap.ts";
import { absoluteUrl, shareLinks } from "./urls.ts";

interface SiteLike {
  url: string;
  title: string;
  language: string;
  author: { name: string };
}

export default function filtersPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addFilter("readableDate", readableDate);
  eleventyConfig.addFilter("htmlDateString", htmlDateString);
  eleventyConfig.addFilter("rfc3339", rfc3339);
  eleventyConfig.addFilter("absoluteUrl", absoluteUrl);
  eleventyConfig.addFilter("shareLinks", shareLinks);
  eleventyConfig.addFilter("readingMinutes", readingMinutes);
  eleventyConfig.addFilter("sitemapEntries", sitemapEntries);

  eleventyConfig.addShortcode("blogPostingJsonLd", (post: PostSummary, site: SiteLike, image?: string) =>
    jsonLdScript(
      blogPosting({
        url: absoluteUrl(post.url, site.url),
        title: post.title,
        description: post.description,
        date: post.date,
        updated: post.updated,
        tags: post.tags.map((t) => t.name),
        image: image ? absoluteUrl(image, site.url) : undefined,
        authorName: site.author.name,
        authorUrl: absoluteUrl("/about/", site.url),
        siteTitle: site.title,
        siteUrl: site.url,
        language: site.language,
      }),
    ),
  );
}
