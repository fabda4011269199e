// A blank copy of our site to import into: settings, tweets, layouts, assets
// and the generated pages (home, tags, feeds but the JSON one), without our own posts or
// authored pages, so an import can be checked and built on its own.
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { PROJECT_ROOT } from "./site.ts";

/** The real WordPress exports shared beside the repository (never copied into it). */
export const SHARED_WORDPRESS = path.resolve(PROJECT_ROOT, "../shared/fixtures/wordpress");

export function blankSite(): string {
  const root = mkdtempSync(path.join(tmpdir(), "blog-import-"));
  for (const part of ["_data", "_includes", "assets/css", "assets/js", "assets/icons"]) {
    // Our archived comments belong to our posts, which an import does not have.
    const ours = path.join(PROJECT_ROOT, "_data", "comments");
    cpSync(path.join(PROJECT_ROOT, part), path.join(root, part), { recursive: true, filter: (source) => !source.startsWith(ours) });
  }
  mkdirSync(path.join(root, "pages"));
  for (const name of readdirSync(path.join(PROJECT_ROOT, "pages"))) {
    // TypeScript templates import our lib/ by relative path, which a temporary folder lacks.
    if (!name.endsWith(".md") && !name.endsWith(".11ty.ts")) cpSync(path.join(PROJECT_ROOT, "pages", name), path.join(root, "pages", name));
  }
  cpSync(path.join(PROJECT_ROOT, "posts/posts.11tydata.json"), path.join(root, "posts/posts.11tydata.json"));
  return root;
}
