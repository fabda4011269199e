import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { aliasRedirects, conflictingAliases, formatRedirects, parseAlias, shadowedAliases, type AliasSource } from "../../lib/netlify/redirects.ts";

const post = (file: string, url: string, aliases: string[]): AliasSource => ({
  file,
  url,
  aliases,
  aliasLines: aliases.map((_, index) => 5 + index),
});

describe("parseAlias", () => {
  it("separates a WordPress short link into the path and its query", () => {
    assert.deepEqual(parseAlias("/?p=123"), { path: "/", query: [["p", "123"]] });
  });

  it("keeps every query parameter, in order", () => {
    assert.deepEqual(parseAlias("/archives/?cat=4&paged=2").query, [["cat", "4"], ["paged", "2"]]);
  });

  it("percent-encodes characters a _redirects path may not contain raw", () => {
    assert.equal(parseAlias("/café-notes/").path, "/caf%C3%A9-notes/");
  });
});

describe("aliasRedirects", () => {
  it("makes one permanent redirect to the post per alias, naming the post and the alias line", () => {
    const rules = aliasRedirects([post("posts/2019/a.md", "/posts/a/", ["/2019/05/a/", "/?p=1"])]);
    assert.deepEqual(
      rules.map(({ from, to, status, file, line }) => ({ from, to, status, file, line })),
      [
        { from: "/2019/05/a/", to: "/posts/a/", status: 301, file: "posts/2019/a.md", line: 5 },
        { from: "/", to: "/posts/a/", status: 301, file: "posts/2019/a.md", line: 6 },
      ],
    );
  });

  it("forces query aliases, whose path (the home page) exists as a file, and only those", () => {
    const rules = aliasRedirects([post("posts/a.md", "/posts/a/", ["/old-a/", "/?p=1"])]);
    assert.deepEqual(rules.map((rule) => rule.force), [false, true]);
  });

  it("gives nothing for a post without aliases", () => {
    assert.deepEqual(aliasRedirects([post("posts/a.md", "/posts/a/", [])]), []);
  });
});

describe("formatRedirects", () => {
  it("writes path, query pairs, target and status with ! for forced rules", () => {
    const text = formatRedirects(aliasRedirects([post("posts/a.md", "/posts/a/", ["/old-a/", "/?p=1&replytocom=7"])]));
    const rules = text.split("\n").filter((line) => line && !line.startsWith("#"));
    assert.deepEqual(rules.map((line) => line.split(/\s+/)), [
      ["/old-a/", "/posts/a/", "301"],
      ["/", "p=1", "replytocom=7", "/posts/a/", "301!"],
    ]);
  });

  it("encodes query values that would otherwise split the line", () => {
    const text = formatRedirects(aliasRedirects([post("posts/a.md", "/posts/a/", ["/?s=two%20words"])]));
    assert.ok(text.split("\n").includes("/  s=two%20words  /posts/a/  301!"));
  });
});

describe("shadowedAliases", () => {
  const rules = aliasRedirects([post("posts/a.md", "/posts/a/", ["/about", "/?p=1", "/gone/"])]);

  it("reports a path alias that is another page's address, naming the post, its line and the page", () => {
    const problems = shadowedAliases(rules, [{ url: "/about/", file: "pages/about.md" }]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.file, "posts/a.md");
    assert.equal(problems[0]!.line, 5);
    assert.match(problems[0]!.message, /alias \/about is the address of pages\/about\.md/);
  });

  it("lets query aliases point from the home page", () => {
    assert.deepEqual(shadowedAliases(rules, [{ url: "/", file: "pages/index.njk" }]), []);
  });

  it("treats /index.html and a missing trailing slash as the same address", () => {
    const gone = aliasRedirects([post("posts/a.md", "/posts/a/", ["/gone/index.html"])]);
    assert.equal(shadowedAliases(gone, [{ url: "/gone", file: "pages/gone.md" }]).length, 1);
  });
});

describe("conflictingAliases", () => {
  it("reports two aliases Netlify reads as one address, naming both posts", () => {
    const rules = aliasRedirects([
      post("posts/a.md", "/posts/a/", ["/old"]),
      post("posts/b.md", "/posts/b/", ["/old/"]),
    ]);
    const problems = conflictingAliases(rules);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.file, "posts/b.md");
    assert.match(problems[0]!.message, /line 5 of posts\/a\.md/);
  });

  it("compares query aliases by their parameters, in any order", () => {
    const rules = aliasRedirects([
      post("posts/a.md", "/posts/a/", ["/?p=1&cat=2"]),
      post("posts/b.md", "/posts/b/", ["/?cat=2&p=1", "/?p=2"]),
    ]);
    assert.deepEqual(conflictingAliases(rules).map((problem) => problem.line), [5]);
  });
});
