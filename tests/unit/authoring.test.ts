import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { renderDocument } from "../../lib/authoring/front-matter.ts";
import { slugOfPostText } from "../../lib/authoring/existing-slugs.ts";
import { planNewPost, titleSlug } from "../../lib/authoring/new-post.ts";
import { readPost } from "../../lib/content/posts.ts";
import { graphemeLength, truncateAtWord } from "../../lib/content/text.ts";
import { createMarkdown } from "../../lib/markdown/index.ts";

const md = createMarkdown();

describe("new post planning", () => {
  it("slugs a title the way tags are slugged, transliterating accents", () => {
    assert.equal(titleSlug("Don't panic: Ask for feedback!"), "dont-panic-ask-for-feedback");
    assert.equal(titleSlug("Café résumé tips"), "cafe-resume-tips");
  });

  it("dates the post by the site's time zone, not UTC", () => {
    const plan = planNewPost("New year plans", new Date("2026-01-01T03:00:00Z"), "America/Chicago");
    assert.equal(plan.file, "posts/2025/new-year-plans.md");
    assert.equal(plan.url, "/posts/new-year-plans/");
    const { post, problems } = readPost(plan.contents, plan.file, md);
    assert.deepEqual(problems, []);
    assert.equal(post?.frontMatter.date.day, "2025-12-31");
    assert.equal(post?.frontMatter.draft, true);
  });

  it("keeps a title with colons, quotes and a leading dash as one valid string", () => {
    const title = `- "Quoted": it's #1 — [really] {yes}`;
    const plan = planNewPost(title, new Date("2026-03-01T12:00:00Z"), "UTC");
    const { post, problems } = readPost(plan.contents, plan.file, md);
    assert.deepEqual(problems, []);
    assert.equal(post?.frontMatter.title, title);
  });

  it("refuses a title that has nothing to make a URL from", () => {
    assert.throws(() => planNewPost("🎉 !!! 🎉", new Date(), "UTC"), /no letters or digits/);
    assert.throws(() => planNewPost("   ", new Date(), "UTC"), /title is empty/);
  });
});

describe("front matter rendering", () => {
  it("writes tags as a one-line list and leaves out empty values", () => {
    const text = renderDocument({ title: "T", date: "2024-01-02", tags: ["a b", "c"], aliases: [], description: undefined }, "Body.");
    assert.equal(text, "---\ntitle: T\ndate: 2024-01-02\ntags: [a b, c]\n---\n\nBody.\n");
  });
});

describe("slugs of existing posts", () => {
  it("reads the slug from front matter, else from the file name", () => {
    assert.equal(slugOfPostText("posts/2024/a.md", "---\ntitle: x\nslug: custom-one\n---\n"), "custom-one");
    assert.equal(slugOfPostText("posts/2024/2024-01-02-dated.md", "---\ntitle: x\n---\nslug: not-this\n"), "dated");
  });
});

describe("grapheme measures", () => {
  it("counts joined emoji, flags and combining accents once", () => {
    assert.equal(graphemeLength("e\u0301👍🏽🇫🇷👨‍👩‍👧ab"), 6);
    assert.equal(graphemeLength("plain ascii"), 11);
    assert.equal(graphemeLength("naïve 🎉"), 7);
  });

  it("cuts long text at a word and never splits a grapheme", () => {
    assert.equal(truncateAtWord("one two three four five", 12), "one two…");
    assert.equal(truncateAtWord("👍🏽 ".repeat(10), 5), "👍🏽 👍🏽…");
    assert.equal(truncateAtWord("short", 200), "short");
  });
});
