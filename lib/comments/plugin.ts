// Comments under posts: the archived comments from `_data/comments/` (validated
// by loadContent with all other content) and the giscus thread. Templates ask
// `post | commentSection(blog)` for what to show.
import type UserConfig from "@11ty/eleventy/UserConfig";

import type { PostSummary } from "../content/blog-index.ts";
import type { BlogData } from "../content/plugin.ts";
import { createCommentMarkdown } from "./markdown.ts";
import { commentSection } from "./section.ts";

export const GISCUS_MISSING_WARNING =
  'Comments: giscus is not configured, so posts have no comment thread. Add a "giscus" block to _data/site.json (see README, "Comments").';

export default function commentsPlugin(eleventyConfig: UserConfig): void {
  const md = createCommentMarkdown();
  let warned = false;

  eleventyConfig.on("eleventy.before", () => {
    warned = false;
  });

  eleventyConfig.addFilter("commentSection", (post: PostSummary | undefined, blog: BlogData | undefined) => {
    const entry = post && blog?.byFile.get(post.file);
    if (!entry || !blog) return undefined;
    const giscus = blog.settings?.giscus;
    // A production build without giscus is allowed (comments may come later), but must not pass unnoticed.
    if (!giscus && blog.production && !warned) {
      warned = true;
      console.warn(GISCUS_MISSING_WARNING);
    }
    return commentSection({
      slug: entry.source.slug,
      frontMatter: entry.source.frontMatter,
      archive: blog.comments.get(entry.source.slug),
      giscus,
      production: blog.production,
      locale: blog.settings?.language ?? "en",
      md,
    });
  });
}
