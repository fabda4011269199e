import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

import { listPostFiles } from "../../lib/content/load.ts";

describe("the list of post files", () => {
  const root = mkdtempSync(path.join(tmpdir(), "post-files-"));
  after(() => rmSync(root, { recursive: true, force: true }));

  it("holds every Markdown file under posts/, in folders at any depth, as sorted project-relative paths", () => {
    const files = ["posts/2026/b.md", "posts/2026/a.md", "posts/top.md", "posts/2019/05/deep.md", "posts/2026/notes.txt", "posts/2026/images/photo.jpg"];
    for (const file of files) {
      mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(root, file), "");
    }
    mkdirSync(path.join(root, "posts/empty"));
    assert.deepEqual(listPostFiles(root), ["posts/2019/05/deep.md", "posts/2026/a.md", "posts/2026/b.md", "posts/top.md"]);
  });

  it("is empty for a site without a posts folder", () => {
    assert.deepEqual(listPostFiles(path.join(root, "posts/empty")), []);
  });
});
