// Makes our markdown-it instance the one Eleventy renders posts with. Posts are
// not preprocessed by Nunjucks: `{{` in a post prints as written.
import type UserConfig from "@11ty/eleventy/UserConfig";

import { markdownFor } from "./index.ts";

export default function markdownPlugin(eleventyConfig: UserConfig): void {
  const md = markdownFor(eleventyConfig);
  eleventyConfig.setLibrary("md", md);
  // The P.S. and other author Markdown outside the post body.
  eleventyConfig.addFilter("markdown", (text: unknown) => (typeof text === "string" ? md.render(text) : ""));
}
