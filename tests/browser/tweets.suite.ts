// A tweet page in a real browser: no console errors, nothing fetched from
// elsewhere, and the Copy link button copies the tweet's address.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { isolatedContext } from "../support/browser.ts";
import type { LazyContext } from "./context.ts";

export function registerTweetsSuite(context: LazyContext): void {
  describe("a tweet page", () => {
    it("loads without console errors and copies its own link", async () => {
      const { browser, server } = context.current;
      const { context: browserContext, blocked } = await isolatedContext(browser, server.url, {
        permissions: ["clipboard-read", "clipboard-write"],
      });
      const page = await browserContext.newPage();
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${server.url}/tweets/57/`);
      assert.equal((await page.locator("h1").textContent())?.replace(/\s+/g, " ").trim(), "Success Tweet 57 of 140");
      await page.locator("[data-copy-link]").click();
      // The clipboard write is asynchronous; the status says when it is done.
      await page.locator("[data-copy-status]", { hasText: "Link copied." }).waitFor({ timeout: 5000 });
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "https://blog.example.com/tweets/57/");
      assert.deepEqual(errors, []);
      assert.deepEqual(blocked, []);
      await browserContext.close();
    });
  });
}
