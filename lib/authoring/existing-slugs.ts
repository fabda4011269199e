// The slugs existing posts publish at, read cheaply: the file name, or a
// `slug:` line in the front matter. Enough to refuse a clashing new post
// without parsing every post's Markdown.
import { readFileSync } from "node:fs";
import path from "node:path";

import { listPostFiles } from "../content/load.ts";
import { slugFromFile } from "../content/posts.ts";

/** The slug a post file publishes at, from its text. */
export function slugOfPostText(file: string, text: string): string {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text.replace(/^\uFEFF/, ""))?.[1] ?? "";
  const declared = /^slug:[ \t]*["']?([^"'\s#]+)/m.exec(frontMatter)?.[1];
  return declared ?? slugFromFile(file);
}

/** Slug → project-relative file of every post under `root`. */
export function existingPostSlugs(root: string): Map<string, string> {
  const slugs = new Map<string, string>();
  for (const file of listPostFiles(root)) {
    slugs.set(slugOfPostText(file, readFileSync(path.join(root, file), "utf8")), file);
  }
  return slugs;
}
