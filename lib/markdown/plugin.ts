// Makes our markdown-it instance the one Eleventy renders posts with. Posts are
// not preprocessed by Nunjucks: `{{` in a post prints as written.
import type UserConfig from "@11ty/eleventy/UserConfig";

import { markdownFor } from "./index.ts";

export default function markdownPlugin(eleventyConfig: UserConfig): void {
  const md = markdownFor(eleventyConfig);
  eleventyConfig.setLibrary("md", md);

  // The P.S. and other author Markdown outside the post body. Most posts end
  // with the site's one P.S., so each text is rendered once per build (its
  // HTML depends on the text alone: no page data reaches this render).
  const rendered = new Map<string, string>();
  eleventyConfig.on("eleventy.before", () => rendered.clear());
  eleventyConfig.addFilter("markdown", (text: unknown) => {
    if (typeof text !== "string") return "";
    let html = rendered.get(text);
    if (html === undefined) {
      html = md.render(text);
      rendered.set(text, html);
    }
    return html;
  });
}
