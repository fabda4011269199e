// Lays out the two sites the benchmark builds from the same generated posts:
// a full copy of our site (data, layouts, pages, assets) and a bare Eleventy
// site with one minimal layout and nothing else, the baseline.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { GeneratedPost } from "./generate-posts.ts";

/** What the benchmark copies from the project into its full site. */
export const SITE_PARTS = ["_data", "_includes", "pages", "assets", "posts/posts.11tydata.json"] as const;

export const BARE_CONFIG_FILE = "bare.config.mjs";

const BARE_CONFIG = `// Bare Eleventy: Markdown posts through one minimal layout, nothing else.
// Posts are not preprocessed by a template engine, as in our build.
export const config = { markdownTemplateEngine: false, dir: { input: ".", includes: "_includes" } };
`;

const BARE_LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main>{{ content | safe }}</main></body>
</html>
`;

export function writePosts(dir: string, posts: readonly GeneratedPost[]): void {
  const folders = new Set(posts.map((post) => path.dirname(path.join(dir, post.file))));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  for (const post of posts) writeFileSync(path.join(dir, post.file), post.text);
}

/** Our site, with `posts` in place of the project's own posts. */
export function writeFullSite(dir: string, projectRoot: string, posts: readonly GeneratedPost[]): void {
  // Our archived comments belong to our own posts, which the synthetic site does not have.
  const ourComments = path.join(projectRoot, "_data", "comments");
  for (const part of SITE_PARTS) {
    cpSync(path.join(projectRoot, part), path.join(dir, part), { recursive: true, filter: (source) => !source.startsWith(ourComments) });
  }
  writePosts(dir, posts);
}

/** The baseline site; build it with `--config=<dir>/bare.config.mjs`. */
export function writeBareSite(dir: string, posts: readonly GeneratedPost[]): void {
  mkdirSync(path.join(dir, "_includes"), { recursive: true });
  writeFileSync(path.join(dir, BARE_CONFIG_FILE), BARE_CONFIG);
  writeFileSync(path.join(dir, "_includes", "bare.njk"), BARE_LAYOUT);
  writePosts(dir, posts);
  writeFileSync(path.join(dir, "posts", "posts.11tydata.json"), `${JSON.stringify({ layout: "bare.njk" })}\n`);
}
