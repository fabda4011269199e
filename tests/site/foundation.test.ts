// The sample-shaped fixture site, built in production and in development.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { parseFeed } from "@rowanmanning/feed-parser";

import { buildFixture, fixturePath, type BuiltSite } from "../support/site.ts";

const BUILD_DATE = "2025-09-01T12:00:00Z";
const PUBLISHED = ["/posts/epsilon/", "/posts/delta/", "/posts/gamma/", "/posts/beta/", "/posts/alpha/"];

describe("a production build", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildFixture(fixturePath("basic"), { mode: "production", buildDate: BUILD_DATE });
  });
  after(() => site.remove());

  it("publishes every post at /posts/<slug>/, with a date prefix dropped from the file name", () => {
    for (const url of PUBLISHED) assert.ok(site.exists(url), url);
    assert.equal(site.page("/posts/beta/").querySelector("h1")?.textContent, "Beta post");
  });

  it("leaves drafts and scheduled posts out of pages, listings, tags, feeds and the sitemap", () => {
    assert.equal(site.exists("/posts/draft/"), false);
    assert.equal(site.exists("/posts/scheduled/"), false);
    const everywhere = ["/", "/page/2/", "/page/3/", "/archive/", "/tags/networking/"]
      .flatMap((url) => [...site.page(url).querySelectorAll("a")].map((a) => a.getAttribute("href")));
    assert.ok(!everywhere.includes("/posts/draft/"));
    assert.ok(!everywhere.includes("/posts/scheduled/"));
    assert.ok(!site.text("/feed.xml").includes("Secret draft"));
    assert.ok(!site.text("/sitemap.xml").includes("/posts/scheduled/"));
  });

  it("lists the latest posts on the home page, two a page here, newest first", () => {
    const titles = (url: string) => [...site.page(url).querySelectorAll(".post-card__title a")].map((a) => a.getAttribute("href"));
    assert.deepEqual([...titles("/"), ...titles("/page/2/"), ...titles("/page/3/")], PUBLISHED);
    assert.equal(site.page("/").querySelector(".pager a[rel=next]")?.getAttribute("href"), "/page/2/");
  });

  it("gives each tag a page and the tags index a count", () => {
    const networking = [...site.page("/tags/networking/").querySelectorAll(".post-card__title a")].map((a) => a.getAttribute("href"));
    assert.deepEqual(networking, ["/posts/beta/", "/posts/alpha/"]);
    const counts = [...site.page("/tags/").querySelectorAll(".tag-cloud li")].map((li) => li.textContent?.replace(/\s+/g, " ").trim());
    assert.deepEqual(counts, ["feedback (1 post)", "interviews (2 posts)", "networking (2 posts)"]);
  });

  it("groups the archive by year and month", () => {
    const page = site.page("/archive/");
    assert.deepEqual([...page.querySelectorAll("h2")].map((h) => h.textContent), ["2025", "2024"]);
    assert.deepEqual([...page.querySelectorAll("h3")].map((h) => h.textContent), ["August", "June", "March", "February", "January"]);
  });

  it("renders a post with author, dates, reading time, tags, signature, P.S., neighbours and related posts", () => {
    const page = site.page("/posts/beta/");
    assert.equal(page.querySelector(".p-author")?.textContent, "Test Mentor");
    assert.equal(page.querySelector("time.dt-published")?.getAttribute("datetime"), "2024-02-01");
    assert.equal(page.querySelector("time.dt-updated")?.getAttribute("datetime"), "2024-03-01");
    assert.match(page.querySelector(".post-meta")?.textContent ?? "", /1 min read/);
    assert.deepEqual([...page.querySelectorAll(".post__header .tag-list a")].map((a) => a.getAttribute("href")), ["/tags/networking/"]);
    assert.equal(page.querySelector(".post__signature")?.textContent, "Onwards, T.");
    assert.equal(page.querySelector(".post__ps em")?.textContent, "P.S.");
    assert.equal(page.querySelector(".post-nav a[rel=prev]")?.getAttribute("href"), "/posts/alpha/");
    assert.equal(page.querySelector(".post-nav a[rel=next]")?.getAttribute("href"), "/posts/gamma/");
    assert.equal(page.querySelectorAll(".related__item").length, 3);
    assert.equal(page.querySelector(".related__item a")?.getAttribute("href"), "/posts/alpha/");
  });

  it("uses the site's default P.S. when a post has none", () => {
    assert.equal(site.page("/posts/alpha/").querySelector(".post__ps a")?.getAttribute("href"), "/books/");
  });

  it("offers plain share links and a print button, with no third-party script", () => {
    const page = site.page("/posts/alpha/");
    const hrefs = [...page.querySelectorAll(".share__link")].map((a) => a.getAttribute("href") ?? "");
    assert.equal(hrefs.length, 3);
    assert.ok(hrefs[0]!.startsWith("mailto:"));
    assert.ok(page.querySelector("[data-print]"));
    for (const script of page.querySelectorAll("script[src]")) assert.match(script.getAttribute("src")!, /^\/assets\//);
  });

  it("gives every page a title, description, canonical URL, social tags and language", () => {
    for (const url of ["/", "/posts/alpha/", "/tags/networking/", "/archive/", "/about/", "/404.html"]) {
      const page = site.page(url);
      assert.equal(page.documentElement.getAttribute("lang"), "en", url);
      assert.ok(page.querySelector("title")?.textContent, url);
      assert.ok(page.querySelector('meta[name="description"]')?.getAttribute("content"), url);
      assert.match(page.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? "", /^https:\/\/fixture\.example\.org\//, url);
      assert.match(page.querySelector('meta[property="og:url"]')?.getAttribute("content") ?? "", /^https:\/\//, url);
      assert.ok(page.querySelector('meta[name="twitter:card"]'), url);
    }
  });

  it("derives a post's description from its first paragraph when it has none", () => {
    const page = site.page("/posts/beta/");
    assert.equal(page.querySelector('meta[name="description"]')?.getAttribute("content"), "Beta first paragraph becomes the description.");
  });

  it("describes posts with JSON-LD BlogPosting and absolute URLs", () => {
    const data = JSON.parse(site.page("/posts/alpha/").querySelector('script[type="application/ld+json"]')!.textContent!);
    assert.equal(data["@type"], "BlogPosting");
    assert.equal(data.url, "https://fixture.example.org/posts/alpha/");
    assert.equal(data.author.name, "Test Mentor");
  });

  it("shows a hostile title as text in the page, the meta tags and the JSON-LD", () => {
    const evil = "</script><script>alert(1)</script>";
    const page = site.page("/posts/gamma/");
    assert.equal(page.querySelector("h1")?.textContent, evil);
    assert.equal(page.querySelector('meta[property="og:title"]')?.getAttribute("content"), evil);
    assert.equal(page.querySelectorAll("script:not([src]):not([type='application/ld+json'])").length, 0);
    assert.equal(JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!).headline, evil);
    assert.equal(page.querySelector('meta[name="description"]')?.getAttribute("content"), 'Quotes " and <b>tags</b> & ampersands');
  });

  it("reads a post saved with a byte order mark and Windows line endings", () => {
    assert.equal(site.page("/posts/delta/").querySelector("h1")?.textContent, "Delta with BOM and CRLF");
  });

  it("writes an Atom feed that parses, with full content and absolute URLs", () => {
    const feed = parseFeed(site.text("/feed.xml"));
    assert.equal(feed.title, "Fixture Blog");
    assert.deepEqual(feed.items.map((item) => item.url), PUBLISHED.map((u) => `https://fixture.example.org${u}`));
    const alpha = feed.items.find((item) => item.title === "Alpha post")!;
    assert.match(alpha.content ?? "", /href="https:\/\/fixture\.example\.org\/posts\/beta\/"/);
    const images = [...(alpha.content ?? "").matchAll(/\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(images.length > 0, "the post's image is in the feed");
    for (const src of images) assert.match(src, /^https:\/\/fixture\.example\.org\//);
    assert.equal(feed.authors[0]?.name, "Test Mentor");
    assert.ok(feed.updated);
  });

  it("writes a JSON Feed 1.1 with the same posts and absolute URLs", () => {
    const feed = JSON.parse(site.text("/feed.json"));
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    assert.deepEqual(feed.items.map((item: { url: string }) => item.url), PUBLISHED.map((u) => `https://fixture.example.org${u}`));
    assert.match(feed.items.at(-1).content_html, /href="https:\/\/fixture\.example\.org\/posts\/beta\/"/);
    assert.equal(feed.items.find((i: { title: string }) => i.title.startsWith("</script>")).title, "</script><script>alert(1)</script>");
  });

  it("lists exactly the published pages in the sitemap, and robots.txt names it", () => {
    const locs = [...site.text("/sitemap.xml").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace("https://fixture.example.org", ""));
    const expected = ["/", "/about/", "/archive/", "/page/2/", "/page/3/", ...PUBLISHED, "/tags/", "/tags/feedback/", "/tags/interviews/", "/tags/networking/"];
    for (const url of expected) assert.ok(locs.includes(url), `sitemap lists ${url}`);
    for (const url of locs) assert.ok(site.exists(url), `sitemap entry ${url} exists`);
    assert.ok(!locs.includes("/404.html"));
    assert.match(site.text("/robots.txt"), /^Sitemap: https:\/\/fixture\.example\.org\/sitemap\.xml$/m);
  });

  it("fingerprints its stylesheet and links a favicon", () => {
    const href = site.page("/").querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "";
    assert.match(href, /^\/assets\/build\/css\/site\.[0-9a-f]{10}\.css$/);
    assert.ok(site.exists(href));
    assert.ok(site.exists("/favicon.svg"));
  });
});

describe("a development build", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildFixture(fixturePath("basic"), { mode: "development", buildDate: BUILD_DATE });
  });
  after(() => site.remove());

  it("shows a draft with a Draft badge and a scheduled post with a Scheduled badge", () => {
    assert.equal(site.page("/posts/draft/").querySelector(".post__header .badge--draft")?.textContent, "Draft");
    assert.match(site.page("/posts/scheduled/").querySelector(".post__header .badge--scheduled")?.textContent ?? "", /^Scheduled for December 24, 2025$/);
  });

  it("keeps unpublished posts out of search engines", () => {
    assert.equal(site.page("/posts/draft/").querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex");
  });
});

describe("a tag with markup characters in its name", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildFixture(fixturePath("escaping"), { buildDate: BUILD_DATE });
  });
  after(() => site.remove());

  it("shows the name as written in the tag page's title, heading and description, escaped exactly once", () => {
    const page = site.page("/tags/q-and-a-b/");
    assert.equal(page.querySelector("title")?.textContent, "Posts tagged “Q&A <b>” · Fixture Blog");
    assert.equal(page.querySelector("h1")?.textContent, "Posts tagged “Q&A <b>”");
    assert.equal(page.querySelector('meta[name="description"]')?.getAttribute("content"), "Career advice posts about Q&A <b>.");
    assert.equal(site.page("/tags/its/").querySelector("h1")?.textContent, "Posts tagged “it's”");
  });
});
