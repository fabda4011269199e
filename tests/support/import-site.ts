// A blank site to import into: our settings, tweets and topics, without our own
// posts, pages or archived comments, so an import can be checked and built on
// its own (buildFixture lays the templates, pages and assets under it).
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { PROJECT_ROOT } from "./site.ts";

/** The real WordPress exports shared beside the repository (never copied into it). */
export const SHARED_WORDPRESS = path.resolve(PROJECT_ROOT, "../shared/fixtures/wordpress");

export function blankSite(): string {
  const root = mkdtempSync(path.join(tmpdir(), "blog-import-"));
  const ourComments = path.join(PROJECT_ROOT, "_data", "comments");
  cpSync(path.join(PROJECT_ROOT, "_data"), path.join(root, "_data"), {
    recursive: true,
    filter: (source) => !source.startsWith(ourComments),
  });
  return root;
}
