// Archived comments and the giscus section: validation with file:line, the
// untrusted-Markdown renderer, threading, and what each post's section shows.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { jsonSyntaxError, loadArchivedComments, parseCommentFile, validateCommentFile, type ArchivedComment } from "../../lib/comments/archive.ts";
import { createCommentMarkdown, isSafeCommentLink } from "../../lib/comments/markdown.ts";
import { commentSection, discussionsUrl, threadComments } from "../../lib/comments/section.ts";
import { formatProblem, sortProblems } from "../../lib/problems.ts";
import { validateSiteSettings } from "../../lib/site/settings.ts";
import { parseYamlSource } from "../../lib/yaml-source.ts";
import { fixturePath } from "../support/site.ts";

const md = createCommentMarkdown();

function comment(id: string, parent?: string): ArchivedComment {
  return { id, author: `Reader ${id}`, date: "2024-03-01", day: "2024-03-01", instant: new Date("2024-03-01T00:00:00Z"), text: `Comment ${id}.`, parent };
}

describe("archived comment files", () => {
  it("report every problem of a file in one run, each with its line", () => {
    const { problems } = loadArchivedComments(fixturePath("comments-invalid"), [{ slug: "with-archive" }]);
    assert.deepEqual(sortProblems(problems).map(formatProblem), [
      '_data/comments/broken.json: no post has the slug "broken": name the file after the slug of the post its comments belong to',
      '_data/comments/broken.json:3: not valid JSON: a comma before "]": remove it',
      '_data/comments/with-archiv.json: no post has the slug "with-archiv": did you mean _data/comments/with-archive.json? name the file after the slug of the post its comments belong to',
      '_data/comments/with-archive.json:5: date "2024-02-30" is not a real date: write YYYY-MM-DD, or a date-time with its offset like 2020-11-18T09:14:00-06:00',
      '_data/comments/with-archive.json:9: id "a1" is used by an earlier comment in this file: ids must be unique',
      '_data/comments/with-archive.json:11: date "2024-03-02T10:00:00" has a time but no offset: add Z (UTC) or the offset, like 2020-11-18T09:14:00-06:00',
      '_data/comments/with-archive.json:12: url must be an http:// or https:// address, like https://example.com',
      '_data/comments/with-archive.json:15: comment 3 has no author: add "author"',
      '_data/comments/with-archive.json:17: unknown key "autor": did you mean "author"?',
      '_data/comments/with-archive.json:20: parent "a9" is not the id of any comment in this file',
      '_data/comments/with-archive.json:23: id must be text in quotes, like "1042" or "c1"',
      "_data/comments/with-archive.json:26: text must not be empty",
      '_data/comments/with-archive.json:27: parent "a5" comes later in the file: a reply must follow the comment it answers',
    ]);
  });

  it("accept a valid file and keep its comments in file order", () => {
    const text = JSON.stringify([
      { id: "1", author: "Ann", date: "2020-11-18T09:14:00-06:00", url: "https://ann.example", text: "Hi." },
      { id: "2", author: "Bo", date: "2020-11-19", text: "Reply.", parent: "1" },
    ], null, "\t");
    const { comments, problems } = validateCommentFile(parseCommentFile(text, "_data/comments/post.json"), "_data/comments/post.json", new Set(["post"]));
    assert.deepEqual(problems, []);
    assert.deepEqual(comments.map((c) => [c.id, c.day, c.instant.toISOString(), c.parent]), [
      ["1", "2020-11-18", "2020-11-18T15:14:00.000Z", undefined],
      ["2", "2020-11-19", "2020-11-19T00:00:00.000Z", "1"],
    ]);
  });

  it("must hold a JSON array", () => {
    const { problems } = validateCommentFile(parseCommentFile('{ "id": "1" }', "_data/comments/post.json"), "_data/comments/post.json", new Set(["post"]));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /must be a JSON array/);
  });
});

describe("the JSON syntax check", () => {
  it("finds nothing wrong in valid JSON", () => {
    assert.equal(jsonSyntaxError('[{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]}]'), undefined);
  });

  it("names the line of an unclosed string and of a missing comma", () => {
    assert.deepEqual(jsonSyntaxError('[\n  "ok",\n  "open\n]'), { line: 3, message: "a string is not closed, or holds a raw control character or a bad escape" });
    assert.deepEqual(jsonSyntaxError('{\n  "a": 1\n  "b": 2\n}'), { line: 3, message: `expected "," or "}", found """` });
  });
});

describe("the comment Markdown renderer", () => {
  it("allows only http, https, mailto and relative links", () => {
    for (const url of ["https://example.org/a", "http://example.org", "mailto:a@example.org", "/posts/x/", "#comment-1", "page.html"]) {
      assert.equal(isSafeCommentLink(url), true, url);
    }
    for (const url of ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example/", "java\tscript:x", "file:///etc/passwd"]) {
      assert.equal(isSafeCommentLink(url), false, url);
    }
  });

  it("escapes raw HTML instead of passing it through", () => {
    assert.equal(md.render("Hi <script>alert(1)</script> <img src=x onerror=alert(2)>"), "<p>Hi &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;</p>\n");
  });

  it("leaves a javascript: link as text and marks external links nofollow ugc", () => {
    assert.equal(
      md.render("[bad](javascript:alert(1)) [good](https://example.org/) [here](/posts/x/)"),
      '<p>[bad](javascript:alert(1)) <a href="https://example.org/" rel="nofollow ugc">good</a> <a href="/posts/x/">here</a></p>\n',
    );
    assert.equal(md.render("see https://example.org"), '<p>see <a href="https://example.org" rel="nofollow ugc">https://example.org</a></p>\n');
  });

  it("renders neither images nor headings", () => {
    assert.equal(md.render("# Title\n\n![pixel](https://t.example/p.gif)"), '<p># Title</p>\n<p>!<a href="https://t.example/p.gif" rel="nofollow ugc">pixel</a></p>\n');
  });
});

describe("threading", () => {
  it("nests replies under their parents and keeps file order at every level", () => {
    const tree = threadComments([comment("1"), comment("2", "1"), comment("3"), comment("4", "2"), comment("5", "1")], md, "en");
    const shape = (views: typeof tree): unknown[] => views.map((v) => (v.replies.length ? [v.id, shape(v.replies)] : v.id));
    assert.deepEqual(shape(tree), [["1", [["2", ["4"]], "5"]], "3"]);
    assert.equal(tree[0]!.anchor, "comment-1");
    assert.equal(tree[0]!.dateLabel, "March 1, 2024");
  });
});

describe("the comment section of a post", () => {
  const giscus = { repo: "dana-whitfield/career-compass", repoId: "R_x", category: "Comments", categoryId: "DIC_x", reactions: true, inputPosition: "bottom" as const, lang: "en", loading: "lazy" as const };
  const base = { slug: "a-post", frontMatter: { comments: true }, archive: undefined, giscus, production: true, locale: "en", md };

  it("is absent when the post turns comments off, even with archived comments", () => {
    assert.equal(commentSection({ ...base, frontMatter: { comments: false }, archive: [comment("1")] }), undefined);
  });

  it("maps the thread to the slug, or to the pinned discussion term", () => {
    assert.equal(commentSection(base)?.giscus?.term, "a-post");
    assert.equal(commentSection({ ...base, frontMatter: { comments: true, discussion: "pinned" } })?.giscus?.term, "pinned");
  });

  it("without giscus keeps archived comments in production and shows a setup note only in development", () => {
    assert.equal(commentSection({ ...base, giscus: undefined }), undefined);
    assert.deepEqual(commentSection({ ...base, giscus: undefined, archive: [comment("1")] })?.setupNote, false);
    assert.equal(commentSection({ ...base, giscus: undefined, production: false })?.setupNote, true);
  });

  it("links to the repository's discussions searched for the term", () => {
    assert.equal(discussionsUrl("dana-whitfield/career-compass", "a post&more"), "https://github.com/dana-whitfield/career-compass/discussions?discussions_q=a%20post%26more");
  });
});

describe("giscus settings", () => {
  const site = { title: "T", description: "D", url: "https://blog.example.com", language: "en", timezone: "UTC", author: { name: "N", bio: "B", signature: "S" }, ps: "P" };
  const validate = (giscus: unknown) => {
    const text = JSON.stringify({ ...site, giscus }, null, 2);
    return validateSiteSettings(parseYamlSource(text, "_data/site.json"), "_data/site.json");
  };

  it("fill in defaults for what the site leaves out", () => {
    const { settings, problems } = validate({ repo: "o/r", repoId: "R_1", category: "Comments", categoryId: "DIC_1" });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings?.giscus, { repo: "o/r", repoId: "R_1", category: "Comments", categoryId: "DIC_1", reactions: true, inputPosition: "bottom", lang: "en", loading: "lazy" });
  });

  it("report wrong values and misspelt keys with their lines", () => {
    const { problems } = validate({ repo: "not a repo", repoId: "R_1", category: "Comments", categoryId: "x", loading: "soon", reaktions: false });
    assert.deepEqual(sortProblems(problems).map(formatProblem), [
      '_data/site.json:14: giscus.repo must be "owner/name" of a GitHub repository, like "dana-whitfield/career-compass"',
      '_data/site.json:17: giscus.categoryId must be the category id from giscus.app, starting with "DIC_"',
      '_data/site.json:18: giscus.loading must be "lazy" or "click"',
      '_data/site.json:19: unknown setting "giscus.reaktions": did you mean "reactions"?',
    ]);
  });
});
