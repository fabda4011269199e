// The giscus thread in a real browser, with the outside network blocked: the
// self-hosted <giscus-widget> builds giscus.app's iframe for the right
// discussion and theme, follows the color scheme live, waits for a click when
// told to, and leaves the plain link for readers it cannot serve.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { BrowserContext, Page } from "playwright-core";

import { isolatedContext } from "../support/browser.ts";
import { serveStatic, type StaticServer } from "../support/server.ts";
import { buildFixture, fixturePath, type BuiltSite } from "../support/site.ts";
import type { LazyContext } from "./context.ts";

const POST = "/posts/after-the-layoff-the-first-two-weeks/";
const TERM = "after-the-layoff-the-first-two-weeks";

/** Collects console errors and uncaught exceptions. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** The giscus iframe's address, read from the widget's shadow root, once the reader has scrolled to the thread. */
async function iframeSrc(page: Page): Promise<URL> {
  await page.locator("#comments").scrollIntoViewIfNeeded();
  const src = await page.locator("giscus-widget iframe").getAttribute("src");
  assert.ok(src, "the widget has an iframe with a src");
  return new URL(src);
}

/** Serves giscus.app from a stand-in page that records the messages it receives and answers like giscus. */
async function stubGiscus(context: BrowserContext): Promise<void> {
  await context.route("https://giscus.app/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>giscus stand-in</title><script>
        window.received = [];
        addEventListener("message", (event) => window.received.push(event.data));
        parent.postMessage({ giscus: { resizeHeight: 240 } }, "*");
      </script>`,
    }),
  );
}

export function registerCommentsSuite(context: LazyContext): void {
  describe("comments on a post page", () => {
    it("define <giscus-widget> and point its iframe at this post's discussion, in the light theme", async () => {
      const { browser, server } = context.current;
      const { context: browserContext, blocked } = await isolatedContext(browser, server.url, { colorScheme: "light" });
      const page = await browserContext.newPage();
      const errors = watchConsole(page);
      await page.goto(server.url + POST);
      assert.equal(await page.evaluate(() => customElements.get("giscus-widget") === undefined), true, "nothing of giscus loads before the reader scrolls");
      const src = await iframeSrc(page);
      assert.equal(await page.evaluate(() => customElements.get("giscus-widget") !== undefined), true);
      assert.equal(src.origin, "https://giscus.app");
      assert.equal(src.pathname, "/en/widget");
      assert.equal(src.searchParams.get("repo"), "dana-whitfield/career-compass");
      assert.equal(src.searchParams.get("category"), "Comments");
      assert.equal(src.searchParams.get("term"), TERM);
      assert.equal(src.searchParams.get("strict"), "1");
      assert.equal(src.searchParams.get("theme"), "light");
      assert.equal(await page.locator("giscus-widget iframe").getAttribute("loading"), "lazy");
      await page.locator("giscus-widget").scrollIntoViewIfNeeded();
      await page.waitForLoadState("networkidle");
      assert.equal(await page.locator(".comments__fallback a").isVisible(), true, "giscus could not load, so the link stays");
      assert.deepEqual(blocked.filter((url) => !url.startsWith("https://giscus.app/")), []);
      assert.deepEqual(errors, []);
      await browserContext.close();
    });

    it("use the dark theme when the reader prefers a dark color scheme", async () => {
      const { browser, server } = context.current;
      const { context: browserContext } = await isolatedContext(browser, server.url, { colorScheme: "dark" });
      const page = await browserContext.newPage();
      const errors = watchConsole(page);
      await page.goto(server.url + POST);
      assert.equal((await iframeSrc(page)).searchParams.get("theme"), "dark");
      assert.deepEqual(errors, []);
      await browserContext.close();
    });

    it("switch the loaded thread's theme when the color scheme changes, and hide the link once giscus answers", async () => {
      const { browser, server } = context.current;
      const { context: browserContext } = await isolatedContext(browser, server.url, { colorScheme: "light" });
      await stubGiscus(browserContext);
      const page = await browserContext.newPage();
      const errors = watchConsole(page);
      await page.goto(server.url + POST);
      // Scrolling near the thread loads the widget; then bring the thread itself
      // into view, where the browser runs its frame.
      await page.locator("#comments").scrollIntoViewIfNeeded();
      await page.locator("giscus-widget").scrollIntoViewIfNeeded();
      await page.locator(".comments__fallback").waitFor({ state: "hidden" });
      const frame = page.frames().find((candidate) => candidate.url().startsWith("https://giscus.app/"));
      assert.ok(frame, "the giscus iframe loaded");
      await frame.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length > 0);
      await page.emulateMedia({ colorScheme: "dark" });
      await frame.waitForFunction(() =>
        (window as unknown as { received: Array<{ giscus?: { setConfig?: { theme?: string } } }> }).received.some(
          (message) => message.giscus?.setConfig?.theme === "dark",
        ),
      );
      assert.equal(await page.locator("giscus-widget").evaluate((widget) => (widget as HTMLElement & { theme: string }).theme), "dark");
      assert.deepEqual(errors, []);
      await browserContext.close();
    });

    it("show only the link to the discussion without JavaScript", async () => {
      const { browser, server } = context.current;
      const { context: browserContext } = await isolatedContext(browser, server.url, { javaScriptEnabled: false });
      const page = await browserContext.newPage();
      await page.goto(server.url + POST);
      const link = page.locator(".comments__fallback a");
      assert.equal(await link.textContent(), "Discuss this post on GitHub");
      assert.equal(await link.isVisible(), true);
      assert.equal(await page.locator("giscus-widget").count(), 0);
      assert.equal(await page.locator(".comment").count(), 5, "the archived comments need no script");
      await browserContext.close();
    });
  });

  describe("comments loaded on click", () => {
    let site: BuiltSite;
    let server: StaticServer;
    before(async () => {
      site = await buildFixture(fixturePath("comments-click"), { buildDate: "2026-01-01T12:00:00Z" });
      server = await serveStatic(site.output, { compress: true });
    });
    after(async () => {
      await server?.close();
      site?.remove();
    });

    it("create no iframe and contact nobody until the reader presses Load comments", async () => {
      const { browser } = context.current;
      const { context: browserContext, blocked } = await isolatedContext(browser, server.url);
      const page = await browserContext.newPage();
      const errors = watchConsole(page);
      await page.goto(server.url + "/posts/click-to-load/");
      await page.locator("#comments").scrollIntoViewIfNeeded();
      await page.waitForLoadState("networkidle");
      assert.equal(await page.evaluate(() => customElements.get("giscus-widget") === undefined), true, "the widget code is not even loaded");
      assert.equal(await page.locator("giscus-widget").count(), 0);
      assert.deepEqual(blocked, []);
      await page.getByRole("button", { name: "Load comments" }).click();
      const src = await iframeSrc(page);
      assert.equal(src.searchParams.get("term"), "click-to-load");
      assert.equal(src.searchParams.get("reactionsEnabled"), "0");
      assert.equal(src.searchParams.get("inputPosition"), "top");
      assert.equal(await page.locator("giscus-widget iframe").getAttribute("loading"), "eager");
      assert.equal(await page.getByRole("button", { name: "Load comments" }).count(), 0);
      assert.deepEqual(errors, []);
      await browserContext.close();
    });
  });
}
