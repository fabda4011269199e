import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { blogPosting, jsonLdScript, scriptSafeJson } from "../../lib/filters/json-ld.ts";
import { sitemapEntries } from "../../lib/filters/sitemap.ts";
import { absoluteUrl, shareLinks } from "../../lib/filters/urls.ts";
import { escapeHtml } from "../../lib/html.ts";
import { parseHTML } from "linkedom";

describe("URLs", () => {
  it("makes site paths absolute against the site URL", () => {
    assert.equal(absoluteUrl("/posts/a/", "https://blog.example.com"), "https://blog.example.com/posts/a/");
  });
  it("builds share links with the page URL and title encoded", () => {
    const links = shareLinks("https://blog.example.com/posts/a/", "Q&A: you & me");
    assert.deepEqual(links.map((l) => l.id), ["email", "linkedin", "x"]);
    for (const link of links) {
      assert.ok(link.href.includes(encodeURIComponent("https://blog.example.com/posts/a/")));
      assert.ok(!link.href.includes("Q&A"), "the title is encoded");
    }
  });
});

describe("JSON-LD", () => {
  const evil = "</script><script>alert(1)</script>";
  it("can never close its script element early", () => {
    const html = `<head>${jsonLdScript({ headline: evil })}</head>`;
    const { document } = parseHTML(`<!doctype html><html>${html}<body></body></html>`);
    const scripts = document.querySelectorAll("script");
    assert.equal(scripts.length, 1);
    assert.deepEqual(JSON.parse(scripts[0]!.textContent!), { headline: evil });
  });
  it("escapes line separators that would break older parsers", () => {
    assert.equal(scriptSafeJson("a\u2028b"), '"a\\u2028b"');
  });
  it("describes a post as a BlogPosting with absolute URLs", () => {
    const posting = blogPosting({
      url: "https://blog.example.com/posts/a/",
      title: "A",
      description: "D",
      date: new Date("2024-01-01T00:00:00Z"),
      updated: undefined,
      tags: ["x"],
      image: undefined,
      authorName: "Dana",
      authorUrl: "https://blog.example.com/about/",
      siteTitle: "Blog",
      siteUrl: "https://blog.example.com",
      language: "en",
    });
    assert.equal(posting["@type"], "BlogPosting");
    assert.equal(posting.dateModified, "2024-01-01T00:00:00.000Z");
    assert.equal(posting.keywords, "x");
  });
});

describe("HTML escaping", () => {
  it("escapes the five characters that matter in text and attributes", () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("sitemap entries", () => {
  it("lists HTML pages only, sorted, with post dates as last modified", () => {
    const date = new Date("2024-01-01T00:00:00Z");
    const updated = new Date("2024-02-01T00:00:00Z");
    const entries = sitemapEntries(
      [
        { url: "/posts/b/", data: {} },
        { url: "/feed.xml", data: {} },
        { url: false, data: {} },
        { url: "/", data: {} },
        { url: "/hidden/", data: { sitemap: false } },
      ],
      new Map([["/posts/b/", { date, updated }]]),
    );
    assert.deepEqual(entries, [
      { url: "/", lastModified: undefined },
      { url: "/posts/b/", lastModified: updated },
    ]);
  });
});
