// The comments section in built sites: where the giscus bundle loads, what
// turns it off, archived comments in order and threaded, hostile comment text
// made harmless, and content errors in comment files stopping the build.
import assert from "node:assert/strict";
import { after, before, describe, it, mock } from "node:test";

import { GISCUS_MISSING_WARNING } from "../../lib/comments/plugin.ts";
import { buildFixture, fixturePath, type BuiltSite } from "../support/site.ts";

const BUILD_DATE = "2026-01-01T12:00:00Z";
const COMMENTS_BUNDLE = /^\/assets\/build\/js\/comments\.[0-9a-f]+\.js$/;

function loadsCommentsBundle(document: Document): boolean {
  return [...document.querySelectorAll("script[src]")].some((script) => COMMENTS_BUNDLE.test(script.getAttribute("src") ?? ""));
}

/** Each comment's id and the ids of its replies, as nested in the page. */
function thread(list: Element): unknown[] {
  return [...list.children].map((item) => {
    const replies = [...item.children].find((child) => child.matches("ol.comment-list"));
    return replies ? [item.id, thread(replies)] : item.id;
  });
}

describe("a site with giscus configured", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildFixture(fixturePath("comments-lazy"), { buildDate: BUILD_DATE });
  });
  after(() => site.remove());

  it("loads the comments bundle on a post page and nowhere else", () => {
    assert.equal(loadsCommentsBundle(site.page("/posts/with-archive/")), true);
    assert.equal(loadsCommentsBundle(site.page("/about/")), false);
    assert.equal(site.page("/about/").querySelector(".comments"), null);
    const bundle = site.page("/posts/with-archive/").querySelector(".comments script[src]")!.getAttribute("src")!;
    assert.equal(site.exists(bundle), true);
  });

  it("writes the giscus settings and the post's term for the widget", () => {
    const thread = site.page("/posts/with-archive/").querySelector<HTMLElement>("[data-giscus]")!;
    const { widget, ...settings } = thread.dataset;
    assert.match(widget ?? "", /^\/assets\/build\/js\/giscus-widget\.[0-9a-f]{10}\.js$/);
    assert.ok(site.exists(widget!), "the widget module is built");
    assert.deepEqual(settings, {
      giscus: "",
      repo: "dana-whitfield/career-compass",
      repoId: "R_kgDOMx7Lqw",
      category: "Comments",
      categoryId: "DIC_kwDOMx7Lq84Cj2Vd",
      term: "with-archive",
      reactions: "1",
      inputPosition: "bottom",
      lang: "en",
      loading: "lazy",
    });
    assert.equal(site.page("/posts/pinned-thread/").querySelector<HTMLElement>("[data-giscus]")!.dataset.term, "career-compass-pinned");
  });

  it("links to the discussion for readers without JavaScript", () => {
    const link = site.page("/posts/with-archive/").querySelector(".comments__fallback a")!;
    assert.equal(link.textContent, "Discuss this post on GitHub");
    assert.equal(link.getAttribute("href"), "https://github.com/dana-whitfield/career-compass/discussions?discussions_q=with-archive");
  });

  it("removes the whole section, archive included, from a post with comments: false", () => {
    const page = site.page("/posts/no-comments/");
    assert.equal(page.querySelector(".comments"), null);
    assert.equal(loadsCommentsBundle(page), false);
    assert.equal(page.querySelector("h1")!.textContent, "A post without comments");
  });

  it("renders archived comments in file order, replies nested under their parents", () => {
    const list = site.page("/posts/with-archive/").querySelector(".comments__archive > ol.comment-list")!;
    assert.deepEqual(thread(list), [["comment-c1", [["comment-c2", ["comment-c4"]], "comment-c5"]], "comment-c3", "comment-c6"]);
  });

  it("shows each comment's author, date and text, linking the author's site", () => {
    const first = site.page("/posts/with-archive/").querySelector("#comment-c1 > .comment__body")!;
    const author = first.querySelector(".comment__author a")!;
    assert.equal(author.textContent, "First Reader");
    assert.equal(author.getAttribute("href"), "https://first-reader.example.net");
    assert.equal(author.getAttribute("rel"), "nofollow ugc");
    const time = first.querySelector("time")!;
    assert.equal(time.getAttribute("datetime"), "2024-03-02T15:00:00Z");
    assert.equal(time.textContent, "March 2, 2024");
    assert.equal(first.querySelector(".comment__text")!.textContent!.trim(), "The first comment.");
    const dayOnly = site.page("/posts/with-archive/").querySelector("#comment-c3 time")!;
    assert.equal(dayOnly.getAttribute("datetime"), "2024-03-03");
    const link = site.page("/posts/with-archive/").querySelector("#comment-c3 .comment__text a")!;
    assert.equal(link.getAttribute("rel"), "nofollow ugc");
  });

  it("renders a hostile comment harmless: no script, no event handler, no javascript: link, no image", () => {
    const hostile = site.page("/posts/with-archive/").querySelector("#comment-c6")!;
    assert.equal(hostile.querySelectorAll("script, img, iframe, h1, h2, h3").length, 0);
    for (const element of hostile.querySelectorAll("*")) {
      for (const attribute of element.getAttributeNames()) assert.doesNotMatch(attribute, /^on/i, `${element.tagName} has ${attribute}`);
    }
    const hrefs = [...hostile.querySelectorAll("[href]")].map((a) => a.getAttribute("href")!);
    assert.deepEqual(hrefs.filter((href) => !/^(https?:|#)/.test(href)), []);
    assert.ok(hrefs.includes("https://example.org/page"));
    assert.equal(hostile.querySelector(".comment__author")!.textContent, '<b onmouseover="alert(6)">Mallory</b>');
    assert.match(hostile.querySelector(".comment__text")!.textContent!, /<script>alert\(1\)<\/script>/);
  });
});

describe("a site without giscus", () => {
  it("builds for production with archived comments but no thread, and warns once", async () => {
    const warn = mock.method(console, "warn", () => undefined);
    let site: BuiltSite;
    try {
      site = await buildFixture(fixturePath("comments-unconfigured"), { buildDate: BUILD_DATE });
    } finally {
      warn.mock.restore();
    }
    try {
      const warnings = warn.mock.calls.map((call) => String(call.arguments[0])).filter((message) => message.includes("giscus"));
      assert.deepEqual(warnings, [GISCUS_MISSING_WARNING]);
      const withArchive = site.page("/posts/with-archive/");
      assert.equal(withArchive.querySelectorAll(".comments .comment").length, 1);
      assert.equal(withArchive.querySelector("[data-giscus], .comments__fallback, .comments__setup"), null);
      assert.equal(loadsCommentsBundle(withArchive), false);
      assert.equal(site.page("/posts/plain/").querySelector(".comments"), null);
    } finally {
      site.remove();
    }
  });

  it("shows the setup note on the development server", async () => {
    const site = await buildFixture(fixturePath("comments-unconfigured"), { buildDate: BUILD_DATE, mode: "development" });
    try {
      const page = site.page("/posts/plain/");
      assert.match(page.querySelector(".comments__setup")!.textContent!, /_data\/site\.json/);
      assert.equal(loadsCommentsBundle(page), false);
    } finally {
      site.remove();
    }
  });
});

describe("a site with giscus on click", () => {
  it("ships a Load comments button, hidden until the script shows it", async () => {
    const site = await buildFixture(fixturePath("comments-click"), { buildDate: BUILD_DATE });
    try {
      const page = site.page("/posts/click-to-load/");
      const consent = page.querySelector("[data-giscus-consent]")!;
      assert.equal(consent.hasAttribute("hidden"), true);
      assert.equal(consent.querySelector("button[data-giscus-load]")!.textContent, "Load comments");
      assert.equal(page.querySelector<HTMLElement>("[data-giscus]")!.dataset.loading, "click");
      assert.equal(loadsCommentsBundle(page), true);
    } finally {
      site.remove();
    }
  });
});

describe("a site with broken comment files", () => {
  it("does not build, and names every problem with its file and line", async () => {
    await assert.rejects(buildFixture(fixturePath("comments-invalid"), { buildDate: BUILD_DATE }), (error: Error) => {
      assert.match(error.message, /_data\/comments\/with-archive\.json:9: id "a1" is used by an earlier comment/);
      assert.match(error.message, /_data\/comments\/broken\.json:3: not valid JSON/);
      assert.match(error.message, /_data\/comments\/with-archiv\.json: no post has the slug "with-archiv"/);
      assert.match(error.message, /_data\/site\.json:18: unknown setting "giscus\.loding": did you mean "loading"\?/);
      return true;
    });
  });
});
