// Success Tweets in a built site: a page per tweet with its back-links, the
// topic index, the tweet of the day on the home page and in its Atom feed,
// and a build that stops, writing nothing, when a post cites a missing tweet.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { parseFeed } from "@rowanmanning/feed-parser";
import { DOMParser } from "linkedom";

import { buildSite } from "../../lib/build/atomic-build.ts";
import { tweetOfTheDay } from "../../lib/tweets/daily.ts";
import { buildFixture, fixturePath, withBuildEnv, type BuiltSite } from "../support/site.ts";

const BUILD_DATE = "2026-11-26T12:00:00Z";
const TEMPLATE_TWEET = "Type {{ x }} and {% if y %} as words: they stay plain text.";
const FIXTURE_TWEETS = [1, 2, 3, 4, 5].map((number) => ({ number, text: "", topic: "" }));

const texts = (document: Document, selector: string) =>
  [...document.querySelectorAll(selector)].map((element) => element.textContent?.replace(/\s+/g, " ").trim());
const attribute = (document: Document, selector: string, name: string) => document.querySelector(selector)?.getAttribute(name);

describe("a site with tweets", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildFixture(fixturePath("tweets-site"), { buildDate: BUILD_DATE });
  });
  after(() => site.remove());

  it("has a page for every tweet and none beyond", () => {
    for (let n = 1; n <= 5; n++) assert.ok(site.exists(`/tweets/${n}/`), `/tweets/${n}/`);
    assert.equal(site.exists("/tweets/6/"), false);
    assert.deepEqual(texts(site.page("/tweets/3/"), ".tweet-page__text"), ["Follow up within a day & mention what you learned."]);
  });

  it("shows a tweet's number, topic and share links, and links to its neighbours", () => {
    const page = site.page("/tweets/3/");
    assert.deepEqual(texts(page, "h1"), ["Success Tweet 3 of 5"]);
    assert.equal(attribute(page, ".tweet-page__topic a", "href"), "/tweets/#topic-networking");
    assert.deepEqual(texts(page, ".tweet-page__topic a"), ["Networking"]);
    const shares = [...page.querySelectorAll<HTMLAnchorElement>(".share__link")].map((a) => new URL(a.getAttribute("href")!));
    assert.deepEqual(shares.map((u) => u.protocol + u.host), ["mailto:", "https:www.linkedin.com", "https:x.com"]);
    const x = shares[2]!;
    assert.equal(x.searchParams.get("text"), "Follow up within a day & mention what you learned.");
    assert.equal(x.searchParams.get("url"), "https://tips.example.org/tweets/3/");
    assert.equal(attribute(page, "[data-copy-link]", "data-copy-link"), "https://tips.example.org/tweets/3/");
    assert.equal(attribute(page, '.tweet-nav a[rel="prev"]', "href"), "/tweets/2/");
    assert.equal(attribute(page, '.tweet-nav a[rel="next"]', "href"), "/tweets/4/");
    assert.equal(site.page("/tweets/1/").querySelector('.tweet-nav a[rel="prev"]'), null);
    assert.equal(site.page("/tweets/5/").querySelector('.tweet-nav a[rel="next"]'), null);
  });

  it("uses the tweet text for the Open Graph title and description", () => {
    const page = site.page("/tweets/3/");
    const text = "Follow up within a day & mention what you learned.";
    assert.equal(attribute(page, 'meta[property="og:title"]', "content"), text);
    assert.equal(attribute(page, 'meta[property="og:description"]', "content"), text);
    assert.equal(attribute(page, 'meta[name="description"]', "content"), text);
    assert.equal(page.querySelector("title")?.textContent, "Success Tweet 3 · Tweets Fixture");
  });

  it("lists exactly the published posts citing a tweet, newest first, with dates and descriptions", () => {
    const page = site.page("/tweets/2/");
    assert.deepEqual(
      [...page.querySelectorAll(".tweet-citations__item")].map((item) => [
        item.querySelector("a")?.getAttribute("href"),
        item.querySelector("time")?.getAttribute("datetime"),
        item.querySelector(".tweet-citations__description")?.textContent,
      ]),
      [
        ["/posts/newer-citing/", "2025-03-01", "The newer explanation of tweet two."],
        ["/posts/older-citing/", "2024-01-10", "The older explanation of tweet two."],
      ],
    );
  });

  it("counts a card in a post as a citation but not a mention inside code", () => {
    assert.deepEqual(texts(site.page("/tweets/5/"), ".tweet-citations__title"), ["Newer post mentioning tweet 2"]);
    assert.deepEqual(texts(site.page("/tweets/4/"), ".tweet-citations__item"), []);
    assert.deepEqual(texts(site.page("/tweets/4/"), ".tweet-citations__none"), ["No post explains this tweet yet."]);
  });

  it("shows the card of a front matter tweet under the title when the post does not place it", () => {
    const post = site.page("/posts/older-citing/");
    const card = post.querySelector("article.post > .tweet-card");
    assert.equal(card?.querySelector(".tweet-card__number a")?.getAttribute("href"), "/tweets/2/");
    assert.equal(card?.querySelector(".tweet-card__text")?.textContent, "Ask for one thing to do differently, not for a grade.");
    assert.equal(post.querySelectorAll(".tweet-card").length, 1);
  });

  it("shows that card with the tweet's text of its own build when another site is built in the same process", async () => {
    const fixture = mkdtempSync(path.join(tmpdir(), "tweets-edited-"));
    cpSync(fixturePath("tweets-site"), fixture, { recursive: true });
    const tweetsFile = path.join(fixture, "_data/tweets.yaml");
    writeFileSync(tweetsFile, readFileSync(tweetsFile, "utf8").replace("not for a grade.", "not for a score."));
    const edited = await buildFixture(fixture, { buildDate: BUILD_DATE });
    try {
      const card = edited.page("/posts/older-citing/").querySelector("article.post > .tweet-card .tweet-card__text");
      assert.equal(card?.textContent, "Ask for one thing to do differently, not for a score.");
    } finally {
      edited.remove();
      rmSync(fixture, { recursive: true, force: true });
    }
  });

  it("groups all tweets by topic on /tweets/, with a jump list and a link to each tweet", () => {
    const page = site.page("/tweets/");
    assert.deepEqual(
      [...page.querySelectorAll(".topic-jump a")].map((a) => a.getAttribute("href")),
      ["#topic-networking", "#topic-feedback", "#topic-plain-text"],
    );
    assert.deepEqual(
      [...page.querySelectorAll(".tweet-topic")].map((section) => [
        section.id,
        [...section.querySelectorAll(".tweet-list a")].map((a) => a.getAttribute("href")),
      ]),
      [
        ["topic-networking", ["/tweets/1/", "/tweets/3/"]],
        ["topic-feedback", ["/tweets/2/", "/tweets/4/"]],
        ["topic-plain-text", ["/tweets/5/"]],
      ],
    );
  });

  it("prints a tweet that looks like a template literally, everywhere it appears", () => {
    const page = site.page("/tweets/5/");
    assert.deepEqual(texts(page, ".tweet-page__text"), [TEMPLATE_TWEET]);
    assert.equal(attribute(page, 'meta[property="og:title"]', "content"), TEMPLATE_TWEET);
    assert.deepEqual(texts(site.page("/tweets/"), '.tweet-list__link[href="/tweets/5/"]'), [`Tweet 5 ${TEMPLATE_TWEET}`]);
    assert.deepEqual(texts(site.page("/posts/newer-citing/"), ".tweet-card__text"), [TEMPLATE_TWEET]);
  });

  it("shows the tweet of the build day on the first home page, linking to its page", () => {
    const expected = tweetOfTheDay(FIXTURE_TWEETS, "2026-11-26")!.number;
    const block = site.page("/").querySelector(".tweet-of-the-day");
    assert.ok(block, "the home page has a tweet of the day");
    assert.equal(block.querySelector(".tweet-of-the-day__link")?.getAttribute("href"), `/tweets/${expected}/`);
    const onItsPage = texts(site.page(`/tweets/${expected}/`), ".tweet-page__text")[0];
    assert.equal(block.querySelector(".tweet-of-the-day__text")?.textContent, onItsPage);
  });

  it("publishes a daily Atom feed of 30 entries whose latest is the tweet of the build day", () => {
    const feed = parseFeed(site.text("/tweets/feed.xml"));
    assert.equal(feed.meta.type, "atom");
    assert.equal(feed.items.length, 30);
    const expected = tweetOfTheDay(FIXTURE_TWEETS, "2026-11-26")!.number;
    const latest = feed.items[0]!;
    assert.equal(latest.url, `https://tips.example.org/tweets/${expected}/`);
    assert.equal(latest.id, "tag:tips.example.org,2026-11-26:tweet-of-the-day");
    assert.equal(latest.published?.toISOString(), "2026-11-26T00:00:00.000Z");
    assert.equal(feed.items[29]!.id, "tag:tips.example.org,2026-10-28:tweet-of-the-day");
    const published = feed.items.map((item) => item.published!.getTime());
    assert.deepEqual(published, [...published].sort((a, b) => b - a));
    const templateEntry = feed.items.find((item) => item.url === "https://tips.example.org/tweets/5/");
    assert.equal(templateEntry?.content, TEMPLATE_TWEET);
  });

  it("lists the tweets index and every tweet page in the sitemap", () => {
    const sitemap = new DOMParser().parseFromString(site.text("/sitemap.xml"), "text/xml");
    const tweetUrls = [...sitemap.querySelectorAll("loc")].map((loc) => loc.textContent).filter((url) => url?.includes("/tweets/"));
    assert.deepEqual(tweetUrls, ["", "1/", "2/", "3/", "4/", "5/"].map((tail) => `https://tips.example.org/tweets/${tail}`));
  });
});

describe("a site with tweets built the next day", () => {
  it("keeps the id and tweet of every day both builds list", async () => {
    const today = await buildFixture(fixturePath("tweets-site"), { buildDate: BUILD_DATE });
    const tomorrow = await buildFixture(fixturePath("tweets-site"), { buildDate: "2026-11-27T12:00:00Z" });
    try {
      const a = parseFeed(today.text("/tweets/feed.xml")).items.map((item) => [item.id, item.url]);
      const b = parseFeed(tomorrow.text("/tweets/feed.xml")).items.map((item) => [item.id, item.url]);
      assert.deepEqual(b.slice(1), a.slice(0, 29));
      assert.equal(b[0]![0], "tag:tips.example.org,2026-11-27:tweet-of-the-day");
    } finally {
      today.remove();
      tomorrow.remove();
    }
  });
});

describe("a post citing a tweet that does not exist", () => {
  it("fails the build with the post's file and line, and writes nothing", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "blog-missing-tweet-"));
    const output = path.join(parent, "_site");
    try {
      await assert.rejects(
        withBuildEnv({ mode: "production", buildDate: BUILD_DATE }, () => buildSite({ input: fixturePath("tweets-missing"), output })),
        (error: Error) => {
          assert.equal(error.name, "ContentError");
          assert.deepEqual(error.message.split("\n").slice(1), ["  posts/x.md:8: Tweet 141 does not exist (tweets run 1..140)"]);
          return true;
        },
      );
      assert.equal(existsSync(output), false);
      assert.deepEqual(readdirSync(parent), []);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
