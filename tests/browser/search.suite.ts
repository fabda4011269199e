// Search in a real browser: Pagefind's Component UI on /search/, driven the
// way a reader drives it. Also measures what a first query costs (bytes
// fetched, time from the last keystroke to results) and reports it.
import assert from "node:assert/strict";
import { describe, it, type TestContext } from "node:test";

import type { BrowserContext, Page } from "playwright-core";

import { isolatedContext } from "../support/browser.ts";
import { servedBytes, typeAndTimeResults } from "../support/search-timing.ts";
import type { LazyContext } from "./context.ts";

const ONLY_IN_ONE_POST = { word: "kaleidoscope", url: "/posts/changing-careers-at-forty/" };
const ONLY_IN_THE_DRAFT = "zeppelin";

interface SearchPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
  blocked: string[];
  /** Paths requested under /pagefind/, in order (the page's own and its worker's). */
  pagefindRequests: string[];
  close(): Promise<void>;
}

async function openSearch(lazy: LazyContext, url: string): Promise<SearchPage> {
  const { browser, server } = lazy.current;
  const { context, blocked } = await isolatedContext(browser, server.url);
  const page = await context.newPage();
  const errors: string[] = [];
  const pagefindRequests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  context.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/pagefind/")) pagefindRequests.push(pathname);
  });
  await page.goto(server.url + url);
  await page.locator("pagefind-input input").waitFor();
  return { page, context, errors, blocked, pagefindRequests, close: () => context.close() };
}

const resultUrls = (page: Page) =>
  page.locator(".search-result__link").evaluateAll((links) => links.map((link) => link.getAttribute("href")));

/** The total the summary reports once a search for `term` has finished. */
async function resultCount(page: Page, term: string): Promise<number> {
  const summary = page.locator("pagefind-summary");
  await summary.filter({ hasText: new RegExp(`(\\d+ results?|No results) for ${term}`, "i") }).waitFor();
  const text = (await summary.textContent()) ?? "";
  const match = /(\d+) results? for/.exec(text);
  if (/^\s*No results/i.test(text)) return 0;
  assert.ok(match, `summary reads "${text}"`);
  return Number(match[1]);
}

function assertClean(search: SearchPage): void {
  assert.deepEqual(search.errors, [], "no console errors");
  assert.deepEqual(search.blocked, [], "no requests outside the site");
}

export function registerSearchSuite(lazy: LazyContext): void {
  describe("the search page", () => {
    it("finds the one post containing a word typed into the box, first", async (t: TestContext) => {
      const search = await openSearch(lazy, "/search/");
      const ms = await typeAndTimeResults(search.page, ONLY_IN_ONE_POST.word);
      assert.equal((await resultUrls(search.page))[0], ONLY_IN_ONE_POST.url);
      assert.match((await search.page.locator(".search-result__excerpt mark").first().textContent()) ?? "", /kaleidoscope/i);
      assert.equal(await search.page.locator(".search-result__type").first().textContent(), "Post");
      assert.equal(await search.page.locator(".search-result__date").first().getAttribute("datetime"), "2023-01-24");
      const output = lazy.current.site.output;
      const bytes = search.pagefindRequests.map((url) => [url, servedBytes(output, url)] as const);
      const sum = (list: typeof bytes) => list.reduce((total, [, n]) => total + n, 0);
      t.diagnostic(`first one-word query: ${ms.toFixed(0)} ms from the last keystroke to results (input debounce included)`);
      t.diagnostic(
        `bytes fetched from /pagefind/ for the page and its first query: ${sum(bytes)} ` +
          `(${bytes.map(([url, n]) => `${url.replace("/pagefind/", "")} ${n}`).join(", ")})`,
      );
      assertClean(search);
      await search.close();
    });

    it("runs the query from ?q= when the page loads", async () => {
      const search = await openSearch(lazy, `/search/?q=${ONLY_IN_ONE_POST.word}`);
      await search.page.locator(".search-result").first().waitFor();
      assert.equal((await resultUrls(search.page))[0], ONLY_IN_ONE_POST.url);
      assert.equal(await search.page.locator("pagefind-input input").inputValue(), ONLY_IN_ONE_POST.word);
      assertClean(search);
      await search.close();
    });

    it("finds nothing for a word that only a draft contains", async () => {
      const search = await openSearch(lazy, "/search/");
      await search.page.locator("pagefind-input input").fill(ONLY_IN_THE_DRAFT);
      assert.equal(await resultCount(search.page, ONLY_IN_THE_DRAFT), 0);
      assert.equal(await search.page.locator(".search-result").count(), 0);
      assertClean(search);
      await search.close();
    });

    it("narrows the results to one tag with the tag filter", async () => {
      const search = await openSearch(lazy, "/search/?q=feedback");
      const all = await resultCount(search.page, "feedback");
      await search.page.locator("pagefind-filter-dropdown[filter='tag'] .pf-dropdown-trigger").click();
      await search.page.locator("pagefind-filter-dropdown[filter='tag'] .pf-dropdown-option[data-value='leadership']").click();
      await search.page.waitForFunction(
        (before) => !new RegExp(`\\b${before} results? for`).test(document.querySelector("pagefind-summary")?.textContent ?? ""),
        all,
      );
      const narrowed = await resultCount(search.page, "feedback");
      assert.ok(narrowed > 0 && narrowed < all, `${narrowed} of ${all} results are tagged leadership`);
      await search.page.locator(".search-result").first().waitFor();
      assert.ok((await resultUrls(search.page)).includes("/posts/giving-hard-feedback-kindly/"));
      assertClean(search);
      await search.close();
    });

    it("puts the newest results first when asked", async () => {
      const search = await openSearch(lazy, "/search/?q=manager");
      await search.page.locator(".search-result").first().waitFor();
      await search.page.locator("[data-search-sort]").selectOption("date:desc");
      const dates = await search.page.waitForFunction(() => {
        const all = [...document.querySelectorAll<HTMLTimeElement>(".search-result__date")].map((time) => time.dateTime);
        return all.length >= 3 && all.every((date, i) => i === 0 || all[i - 1]! >= date) ? all : undefined;
      });
      assert.ok((await dates.jsonValue())!.length >= 3);
      assertClean(search);
      await search.close();
    });

    it("shows twenty results at a time, and the next twenty each time the reader asks for more", async () => {
      const search = await openSearch(lazy, "/search/?q=your");
      const total = await resultCount(search.page, "your");
      assert.ok(total > 40, `"your" needs more than two pages of results for this test, found ${total}`);
      const more = search.page.getByRole("button", { name: "Show more results" });
      await more.waitFor();
      assert.equal(await search.page.locator("pagefind-results li").count(), 20);

      const listed = () => search.page.locator("pagefind-results li").count();
      for (let shown = 20; shown < total; ) {
        assert.equal(await more.isVisible(), true, `the button stays while ${shown} of ${total} are shown`);
        await more.click();
        shown = Math.min(shown + 20, total);
        await search.page.waitForFunction((n) => document.querySelectorAll("pagefind-results li").length === n, shown);
        assert.equal(await listed(), shown);
      }
      await more.waitFor({ state: "hidden" });

      // A new word starts again from the first twenty.
      await search.page.locator("pagefind-input input").fill("you");
      assert.ok((await resultCount(search.page, "you")) > 20);
      await search.page.waitForFunction(() => document.querySelectorAll("pagefind-results li").length === 20);
      assert.equal(await more.isVisible(), true);
      assertClean(search);
      await search.close();
    });

    it("tells readers without JavaScript that search needs it, and where else to look", async () => {
      const { browser, server } = lazy.current;
      const { context } = await isolatedContext(browser, server.url, { javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}/search/?q=${ONLY_IN_ONE_POST.word}`);
      // Playwright's text selectors skip <noscript>, so these find the message by its markup.
      const notice = page.locator("noscript .search-page__notice");
      assert.equal(await notice.isVisible(), true);
      assert.match((await notice.textContent()) ?? "", /Search needs JavaScript/);
      assert.equal(await notice.locator("a[href='/archive/']").isVisible(), true);
      assert.equal(await notice.locator("a[href='/tags/']").isVisible(), true);
      assert.equal(await page.locator("[data-search-sort]").isVisible(), false);
      assert.equal(await page.locator("pagefind-input").isVisible(), false);
      await context.close();
    });
  });
}
