import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";

import { parseHTML } from "linkedom";
import type { HTMLFile } from "pagefind";

import { searchFacets } from "../../lib/search/facets.ts";
import { loadPagefindOnThread } from "../../lib/search/pagefind-thread.ts";
import { pageSearchDocument, postSearchDocument, renderedPageDocument, type PostSearchInput } from "../../lib/search/documents.ts";

const input: PostSearchInput = {
  language: "en",
  title: `Say "no" <kindly> & mean it`,
  facets: searchFacets({ type: "post", date: new Date("2024-03-05T00:00:00Z"), tags: ["boundaries"] }),
  tags: ["boundaries"],
  coverAlt: `A desk with a "closed" sign`,
  tweetCards: ['<aside class="tweet-card"><p>Guard your mornings.</p></aside>'],
  bodyHtml: "<h2 id=\"why\">Why</h2>\n<p>Saying no protects your yes.</p>",
};

describe("postSearchDocument", () => {
  it("holds the title, tags, cover text, tweet cards and body inside the one indexed region", () => {
    const { document } = parseHTML(postSearchDocument(input));
    const regions = document.querySelectorAll("[data-pagefind-body]");
    assert.equal(regions.length, 1);
    const region = regions[0]!;
    assert.equal(document.documentElement.getAttribute("lang"), "en");
    assert.equal(region.querySelector("h1[data-pagefind-meta='title']")?.textContent, input.title);
    assert.equal(region.querySelector("li")?.textContent, "boundaries");
    assert.equal(region.querySelector("img")?.getAttribute("alt"), input.coverAlt);
    assert.equal(region.querySelector(".tweet-card p")?.textContent, "Guard your mornings.");
    assert.equal(region.querySelector("h2#why")?.textContent, "Why");
    assert.equal(region.querySelector("h2 + p")?.textContent, "Saying no protects your yes.");
  });

  it("carries the post's filters, metadata and sort key in a hidden region search ignores as text", () => {
    const { document } = parseHTML(postSearchDocument(input));
    const hidden = document.querySelector("[data-pagefind-body] > [hidden][data-pagefind-ignore]")!;
    const field = (kind: string, name: string) =>
      [...hidden.querySelectorAll(`[data-pagefind-${kind}="${name}"]`)].map((span) => span.textContent);
    assert.deepEqual(field("filter", "type"), ["post"]);
    assert.deepEqual(field("filter", "year"), ["2024"]);
    assert.deepEqual(field("filter", "tag"), ["boundaries"]);
    assert.deepEqual(field("meta", "date"), ["2024-03-05"]);
    assert.deepEqual(field("sort", "date"), ["2024-03-05"]);
  });

  it("escapes the title, tags and cover text, so none of them can add markup", () => {
    const { document } = parseHTML(postSearchDocument({ ...input, tags: ["<b>bold</b>"], coverAlt: `"><script>x</script>` }));
    assert.equal(document.querySelector("h1")?.textContent, input.title);
    assert.equal(document.querySelectorAll("script, b").length, 0);
    assert.equal(document.querySelector("li")?.textContent, "<b>bold</b>");
  });

  it("leaves out the cover and tag list when the post has neither", () => {
    const { document } = parseHTML(postSearchDocument({ ...input, tags: [], coverAlt: undefined }));
    assert.equal(document.querySelectorAll("img, ul").length, 0);
  });
});

describe("Pagefind on a worker thread", () => {
  it("indexes a post document and writes a bundle that counts it", async () => {
    const output = mkdtempSync(path.join(tmpdir(), "blog-pagefind-thread-"));
    const pagefind = await loadPagefindOnThread();
    try {
      const { errors, index } = await pagefind.createIndex();
      assert.deepEqual(errors, []);
      const added = await index!.addHTMLFile({ url: "/posts/say-no/", content: postSearchDocument(input) });
      assert.deepEqual(added.errors, []);
      const written = await index!.writeFiles({ outputPath: output });
      assert.deepEqual(written.errors, []);
      const entry = JSON.parse(readFileSync(path.join(output, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
      assert.equal(entry.languages.en?.page_count, 1);
    } finally {
      await pagefind.close();
      rmSync(output, { recursive: true, force: true });
    }
  });

  it("writes, when asked at once, only after every page sent before, and nothing when one of them failed", async () => {
    const output = mkdtempSync(path.join(tmpdir(), "blog-pagefind-thread-"));
    const pagefind = await loadPagefindOnThread();
    try {
      const { index } = await pagefind.createIndex();
      for (let i = 0; i < 40; i++) void index!.addHTMLFile({ url: `/posts/p${i}/`, content: postSearchDocument(input) });
      const written = await index!.writeFiles({ outputPath: output });
      assert.deepEqual(written.errors, []);
      const entry = JSON.parse(readFileSync(path.join(output, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
      assert.equal(entry.languages.en?.page_count, 40);

      const again = await pagefind.createIndex();
      void again.index!.addHTMLFile({ content: postSearchDocument(input) } as unknown as HTMLFile);
      const refused = await again.index!.writeFiles({ outputPath: path.join(output, "refused") });
      assert.deepEqual(refused.errors, ["1 page(s) could not be indexed"]);
      assert.equal(existsSync(path.join(output, "refused")), false);
    } finally {
      await pagefind.close();
      rmSync(output, { recursive: true, force: true });
    }
  });

  it("rejects calls after it is closed instead of leaving them waiting", async () => {
    const pagefind = await loadPagefindOnThread();
    const { index } = await pagefind.createIndex();
    await pagefind.close();
    await assert.rejects(index!.addHTMLFile({ url: "/late/", content: "<html><body><p>late</p></body></html>" }), /stopped/);
  });
});

describe("search documents of pages that are not posts", () => {
  const facets = searchFacets({ type: "page" });

  it("hold the page layout's title, facets and content in one region, the title escaped", () => {
    const { document } = parseHTML(pageSearchDocument({ language: "en", title: "Fees & <terms>", facets, bodyHtml: "<p>Free, always.</p>" }));
    const region = document.querySelector("[data-pagefind-body]")!;
    assert.equal(document.querySelectorAll("[data-pagefind-body]").length, 1);
    assert.equal(region.querySelector("h1[data-pagefind-meta='title']")?.textContent, "Fees & <terms>");
    assert.equal(region.querySelector("[data-pagefind-filter='type']")?.textContent, "page");
    assert.equal(region.querySelector("p")?.textContent, "Free, always.");
    assert.equal(document.querySelectorAll("terms").length, 0);
  });

  it("come from a page's rendered content: its own region as it is, or the page layout's around it", () => {
    const tweet = '<article data-pagefind-body><h1 data-pagefind-meta="title">Success Tweet 7</h1></article><nav>More</nav>';
    const own = renderedPageDocument({ url: "/tweets/7/", outputPath: "_site/tweets/7/index.html", templateContent: tweet, data: {} }, "en");
    assert.equal(parseHTML(own!).document.querySelector("[data-pagefind-body] h1")?.textContent, "Success Tweet 7");
    assert.equal(parseHTML(own!).document.querySelector("nav")?.textContent, "More");

    const about = { url: "/about/", outputPath: "_site/about/index.html", templateContent: "<p>Hello.</p>", data: { title: "About", searchPage: true } };
    const laidOut = parseHTML(renderedPageDocument(about, "en")!).document;
    assert.equal(laidOut.querySelector("[data-pagefind-body] h1")?.textContent, "About");
    assert.equal(laidOut.querySelector("[data-pagefind-body] p")?.textContent, "Hello.");
  });

  it("do not exist for pages without a region, pages that are not HTML, pages without a URL, or pages not rendered yet", () => {
    const listing = { url: "/tags/", outputPath: "_site/tags/index.html", templateContent: "<ul></ul>", data: { title: "Tags" } };
    assert.equal(renderedPageDocument(listing, "en"), undefined);
    assert.equal(renderedPageDocument({ ...listing, outputPath: "_site/feed.xml", data: { searchPage: true } }, "en"), undefined);
    assert.equal(renderedPageDocument({ ...listing, url: false, data: { searchPage: true } }, "en"), undefined);
    const unrendered = {
      url: "/draft-page/",
      outputPath: "_site/draft-page/index.html",
      data: { title: "Later", searchPage: true },
      get templateContent(): string {
        throw new Error("Tried to use templateContent on unrendered template");
      },
    };
    assert.equal(renderedPageDocument(unrendered, "en"), undefined);
  });
});
