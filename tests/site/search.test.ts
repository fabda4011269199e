// The search index of the sample site, built as in production: what is in it,
// which part of each page it reads, and a build that cannot index stops.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { buildSite } from "../../lib/build/atomic-build.ts";
import { loadContent } from "../../lib/content/load.ts";
import { createMarkdown } from "../../lib/markdown/index.ts";
import { buildSampleSite, SAMPLE_BUILD_DATE } from "../support/sample-site.ts";
import { buildFixture, fixturePath, PROJECT_ROOT, withBuildEnv, type BuiltSite } from "../support/site.ts";

/** Pages outside posts and tweets that readers can find by search. */
const INDEXED_PAGES = ["/about/", "/books/"];

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

function tweetPageUrls(output: string): string[] {
  const dir = path.join(output, "tweets");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^\d+$/.test(name) && existsSync(path.join(dir, name, "index.html")))
    .map((name) => `/tweets/${name}/`);
}

describe("the search index of the sample site", () => {
  let site: BuiltSite;
  const content = loadContent({ root: PROJECT_ROOT, buildDate: new Date(SAMPLE_BUILD_DATE), md: createMarkdown() });
  const published = content.posts.filter((post) => post.status === "published");
  const unpublished = content.posts.filter((post) => post.status !== "published");

  before(async () => {
    site = await buildSampleSite();
  });
  after(() => site?.remove());

  it("holds every published post, tweet page and indexed page, and no draft or scheduled post", () => {
    assert.ok(unpublished.length > 0, "the sample has a draft or scheduled post to leave out");
    const entry = JSON.parse(site.text("/pagefind/pagefind-entry.json")) as PagefindEntry;
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    const tweets = tweetPageUrls(site.output);
    assert.equal(indexed, published.length + tweets.length + INDEXED_PAGES.length);
    for (const post of unpublished) assert.equal(site.exists(post.url), false, `${post.url} is not built`);
  });

  it("has every indexed page before Eleventy writes them, so Pagefind writes the index once, alongside", () => {
    assert.deepEqual(performance.getEntriesByName("blog:search-rewrite"), []);
  });

  it("marks exactly one search region on each post, tweet and indexed page", () => {
    for (const url of [...published.map((post) => post.url), ...tweetPageUrls(site.output), ...INDEXED_PAGES]) {
      assert.equal(site.page(url).querySelectorAll("[data-pagefind-body]").length, 1, url);
    }
  });

  it("reads a post's title, meta and body, but not its signature, share links, neighbours or related posts", () => {
    const doc = site.page("/posts/changing-careers-at-forty/");
    const body = doc.querySelector("[data-pagefind-body]")!;
    assert.ok(body.querySelector("h1[data-pagefind-meta='title']"));
    assert.ok(body.querySelector(".post-meta"));
    assert.ok(body.querySelector(".post__body"));
    assert.ok(body.querySelector(".post__footer")?.hasAttribute("data-pagefind-ignore"));
    for (const chrome of [".share", ".post-nav", ".related", ".site-header", ".site-footer"]) {
      assert.equal(body.querySelector(chrome), null, `${chrome} is outside the search region`);
    }
  });

  it("files a post under its type, year and tags, with its date for sorting and for results", () => {
    const fields = (attribute: string) =>
      [...site.page("/posts/changing-careers-at-forty/").querySelectorAll(`[data-pagefind-body] [${attribute}]`)].map(
        (element) => `${element.getAttribute(attribute)}=${element.textContent}`,
      );
    assert.deepEqual(fields("data-pagefind-filter"), ["type=post", "year=2023", "tag=career-change"]);
    assert.deepEqual(fields("data-pagefind-sort"), ["date=2023-01-24"]);
    assert.ok(fields("data-pagefind-meta").includes("date_label=January 24, 2023"));
    assert.ok(fields("data-pagefind-meta").includes("type=Post"));
  });

  it("leaves listing pages and the search page itself out of the index", () => {
    for (const url of ["/", "/archive/", "/tags/", "/search/"]) {
      assert.equal(site.page(url).querySelectorAll("[data-pagefind-body]").length, 0, url);
    }
  });

  it("gives the search page a message for readers without JavaScript, linking the archive and tags", () => {
    const doc = site.page("/search/");
    const noscript = doc.querySelector("noscript");
    assert.ok(noscript, "the search page has a <noscript> message");
    assert.match(noscript.textContent ?? "", /needs JavaScript/);
    assert.match(noscript.innerHTML, /href="\/archive\/"/);
    assert.match(noscript.innerHTML, /href="\/tags\/"/);
    assert.ok(doc.querySelector("[data-search]")?.hasAttribute("hidden"), "the search UI is hidden until the script shows it");
    for (const script of doc.querySelectorAll("script:not([type='text/pagefind-template'])")) {
      assert.ok(script.getAttribute("src") || script.getAttribute("type") === "application/ld+json", "no inline script");
    }
  });
});

describe("a page whose own layout holds a search region", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildFixture(fixturePath("search-own-layout"), { mode: "production", buildDate: SAMPLE_BUILD_DATE });
  });
  after(() => site?.remove());

  it("is indexed with the posts and the page layout's pages, though only its rendering shows the region", () => {
    assert.equal(site.page("/workshop/").querySelectorAll("[data-pagefind-body]").length, 1);
    const entry = JSON.parse(site.text("/pagefind/pagefind-entry.json")) as PagefindEntry;
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    assert.equal(indexed, ["/posts/alpha/", "/about/", "/workshop/"].length + tweetPageUrls(site.output).length);
  });
});

describe("a build whose Pagefind binary cannot run", () => {
  it("fails with the reason and the fix, and writes no site", async () => {
    const output = path.join(mkdtempSync(path.join(tmpdir(), "blog-search-fail-")), "_site");
    const saved = process.env.PAGEFIND_BINARY_PATH;
    process.env.PAGEFIND_BINARY_PATH = path.join(output, "no-such-pagefind");
    try {
      await assert.rejects(
        withBuildEnv({ mode: "production", buildDate: SAMPLE_BUILD_DATE }, () => buildSite({ input: PROJECT_ROOT, output })),
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          assert.match(message, /Pagefind binary could not run/);
          assert.match(message, /no-such-pagefind \(from PAGEFIND_BINARY_PATH\)/);
          assert.match(message, /npm install --include=optional/);
          return true;
        },
      );
      assert.equal(existsSync(output), false, "no site without a search index");
    } finally {
      if (saved === undefined) delete process.env.PAGEFIND_BINARY_PATH;
      else process.env.PAGEFIND_BINARY_PATH = saved;
    }
  });
});

describe("a build told to leave the search index out, for measuring", () => {
  it("writes the site without a search index, and never starts Pagefind", async () => {
    const saved = { binary: process.env.PAGEFIND_BINARY_PATH, index: process.env.BLOG_SEARCH_INDEX };
    // A Pagefind that cannot run would fail any build that started it.
    process.env.PAGEFIND_BINARY_PATH = path.join(tmpdir(), "no-such-pagefind");
    process.env.BLOG_SEARCH_INDEX = "off";
    try {
      const site = await buildFixture(fixturePath("search-own-layout"), { mode: "production", buildDate: SAMPLE_BUILD_DATE });
      assert.equal(site.page("/posts/alpha/").querySelectorAll("[data-pagefind-body]").length, 1);
      assert.equal(existsSync(path.join(site.output, "pagefind")), false);
      site.remove();
    } finally {
      for (const [key, value] of [["PAGEFIND_BINARY_PATH", saved.binary], ["BLOG_SEARCH_INDEX", saved.index]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
