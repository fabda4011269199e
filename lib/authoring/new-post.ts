// What `npm run new` decides, apart from the file system: the slug of a title,
// where the post goes and what its first lines say.
import slugify from "@sindresorhus/slugify";

import { dayInTimeZone } from "../content/dates.ts";
import { postUrl } from "../content/posts.ts";
import { renderDocument } from "./front-matter.ts";

/** The slug of a title: lowercase ASCII words joined by hyphens; empty when nothing is left. */
export function titleSlug(title: string): string {
  return slugify(title, { decamelize: false });
}

export interface NewPostPlan {
  /** Project-relative path: `posts/2026/my-title.md`. */
  file: string;
  slug: string;
  /** Path on the site: `/posts/my-title/`. */
  url: string;
  contents: string;
}

/** Plans a new draft dated `now` in the site's time zone; throws with a message for the author when the title gives no slug. */
export function planNewPost(title: string, now: Date, timeZone: string): NewPostPlan {
  const clean = title.replace(/\s+/g, " ").trim();
  if (!clean) throw new Error('the title is empty: run npm run new -- "Title of the post"');
  const slug = titleSlug(clean);
  if (!slug) {
    throw new Error(
      `the title "${clean}" has no letters or digits to make a URL from: add some words, like npm run new -- "Celebrate small wins 🎉"`,
    );
  }
  const day = dayInTimeZone(now, timeZone);
  return {
    file: `posts/${day.slice(0, 4)}/${slug}.md`,
    slug,
    url: postUrl(slug),
    contents: renderDocument({ title: clean, date: day, draft: true }, ""),
  };
}
