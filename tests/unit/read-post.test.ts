import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { postStatus, readPost, slugFromFile } from "../../lib/content/posts.ts";
import { createMarkdown } from "../../lib/markdown/index.ts";
import { formatProblem } from "../../lib/problems.ts";

const md = createMarkdown();

describe("reading a post file", () => {
  it("derives the slug from the file name without a date prefix", () => {
    assert.equal(slugFromFile("posts/2024/2024-01-05-hello-world.md"), "hello-world");
    assert.equal(slugFromFile("posts/hello.md"), "hello");
  });

  it("derives the description from the first paragraph, as plain text", () => {
    const { post } = readPost("---\ntitle: A\ndate: 2024-01-01\n---\n## Heading\n\nFirst *paragraph* with `code`.\n\nSecond.\n", "posts/a.md", md);
    assert.equal(post?.description, "First paragraph with code.");
  });

  it("treats a file with a BOM and Windows line endings like any other", () => {
    const { post, problems } = readPost("\uFEFF---\r\ntitle: A\r\ndate: 2024-01-01\r\n---\r\nBody text.\r\n", "posts/a.md", md);
    assert.deepEqual(problems, []);
    assert.equal(post?.frontMatter.title, "A");
    assert.equal(post?.description, "Body text.");
  });

  it("gives tweet mentions the line they are on in the file", () => {
    const text = "---\ntitle: A\ndate: 2024-01-01\ntweets: [3]\n---\nIntro.\n\nAs Tweet 7 says,\nand tweet #9 too.\n";
    const { post } = readPost(text, "posts/a.md", md);
    assert.deepEqual(post?.citations.map((c) => [c.number, c.line]), [[3, 4], [7, 8], [9, 9]]);
    assert.deepEqual(post?.citedTweets, [3, 7, 9]);
  });

  it("knows which front matter tweets the body places itself", () => {
    const text = "---\ntitle: A\ndate: 2024-01-01\ntweets: [3, 4]\n---\nIntro.\n\n{% tweet 4 %}\n";
    assert.deepEqual(readPost(text, "posts/a.md", md).post?.unplacedTweets, [3]);
  });

  it("explains a file without front matter", () => {
    const { problems } = readPost("Just text\n", "posts/a.md", md);
    assert.deepEqual(problems.map(formatProblem), [
      "posts/a.md:1: the file does not start with front matter: put --- on the first line, then title: and date:, then ---",
    ]);
  });

  it("counts words for the reading time", () => {
    const words = Array.from({ length: 690 }, () => "word").join(" ");
    assert.equal(readPost(`---\ntitle: A\ndate: 2024-01-01\n---\n${words}\n`, "posts/a.md", md).post?.readingMinutes, 3);
  });
});

describe("post status", () => {
  const frontMatter = (day: string, draft = false) =>
    ({ title: "A", date: { day, date: new Date(`${day}T00:00:00Z`) }, draft, tags: [], tweets: [], aliases: [], comments: true });
  it("is scheduled until its day comes", () => {
    assert.equal(postStatus(frontMatter("2026-11-27"), "2026-11-26"), "scheduled");
    assert.equal(postStatus(frontMatter("2026-11-26"), "2026-11-26"), "published");
  });
  it("is a draft whatever its date", () => {
    assert.equal(postStatus(frontMatter("2020-01-01", true), "2026-11-26"), "draft");
  });
});
