import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, it, mock } from "node:test";

import { readPost } from "../../lib/content/posts.ts";
import { createMarkdown } from "../../lib/markdown/index.ts";
import { main as check } from "../../scripts/check.ts";
import { main as newPost } from "../../scripts/new-post.ts";
import { fixturePath, PROJECT_ROOT } from "../support/site.ts";

/** Runs `run` with console output captured instead of printed. */
function captured(run: () => number): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const log = mock.method(console, "log", (...args: unknown[]) => void out.push(args.join(" ")));
  const error = mock.method(console, "error", (...args: unknown[]) => void err.push(args.join(" ")));
  try {
    return { code: run(), out, err };
  } finally {
    log.mock.restore();
    error.mock.restore();
  }
}

describe("npm run check", () => {
  it("passes the sample site with exit code 0 and a summary line", () => {
    const { code, out, err } = captured(() => check([], PROJECT_ROOT));
    assert.deepEqual(err, []);
    assert.equal(code, 0);
    assert.match(out.at(-1)!, /^Content OK: \d+ posts, 140 tweets/);
  });

  it("prints every problem as file:line and exits 1", () => {
    const { code, err } = captured(() => check([fixturePath("authoring-broken")], PROJECT_ROOT));
    assert.equal(code, 1);
    assert.deepEqual(err.slice(0, -1), [
      'posts/2024/bad-date.md:3: date "2024-02-30" is not a real calendar date',
      "posts/2024/cites-missing-tweet.md:6: Tweet 9 does not exist (tweets run 1..2)",
      'posts/2024/unknown-key.md:4: unknown key "tittle": did you mean "title"?',
    ]);
    assert.match(err.at(-1)!, /^Found 3 problems/);
  });
});

describe("npm run new", () => {
  let root: string;
  const now = new Date("2026-03-05T15:00:00Z");

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "blog-new-"));
    mkdirSync(path.join(root, "_data"));
    cpSync(path.join(PROJECT_ROOT, "_data/site.json"), path.join(root, "_data/site.json"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("creates a valid draft and prints its path and local URL", () => {
    const { code, out } = captured(() => newPost(["Ask for feedback: the", "right way"], root, now));
    assert.equal(code, 0);
    const file = "posts/2026/ask-for-feedback-the-right-way.md";
    assert.equal(out[0], `Created ${file}`);
    assert.match(out[1]!, /http:\/\/localhost:8080\/posts\/ask-for-feedback-the-right-way\//);
    const { post, problems } = readPost(readFileSync(path.join(root, file), "utf8"), file, createMarkdown());
    assert.deepEqual(problems, []);
    assert.equal(post?.frontMatter.title, "Ask for feedback: the right way");
    assert.equal(post?.frontMatter.date.day, "2026-03-05");
    assert.equal(post?.frontMatter.draft, true);
  });

  it("refuses to overwrite an existing post", () => {
    const file = path.join(root, "posts/2026/same-title.md");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, "keep me");
    const { code, err } = captured(() => newPost(["Same title"], root, now));
    assert.equal(code, 1);
    assert.match(err[0]!, /posts\/2026\/same-title\.md already exists/);
    assert.equal(readFileSync(file, "utf8"), "keep me");
  });

  it("refuses a slug another post already publishes at", () => {
    const file = path.join(root, "posts/2019/old.md");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, "---\ntitle: Old\ndate: 2019-01-01\nslug: fresh-start\n---\n");
    const { code, err } = captured(() => newPost(["Fresh start"], root, now));
    assert.equal(code, 1);
    assert.match(err[0]!, /posts\/2019\/old\.md already publishes at \/posts\/fresh-start\//);
    assert.equal(existsSync(path.join(root, "posts/2026/fresh-start.md")), false);
  });

  it("explains a title made only of emoji and punctuation", () => {
    const { code, err } = captured(() => newPost(["🚀🚀", "?!"], root, now));
    assert.equal(code, 1);
    assert.match(err[0]!, /has no letters or digits to make a URL from/);
  });
});
