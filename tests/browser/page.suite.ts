// Post pages work for a reader in a real browser: no console errors, the
// enhancement buttons appear with JavaScript and stay hidden without it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { isolatedContext } from "../support/browser.ts";
import type { LazyContext } from "./context.ts";

const POST = "/posts/five-stories-every-candidate-needs/";

export function registerPageSuite(context: LazyContext): void {
  describe("a post page", () => {
    it("loads without console errors and shows the Copy link and Print buttons", async () => {
      const { browser, server } = context.current;
      const { context: browserContext, blocked } = await isolatedContext(browser, server.url);
      const page = await browserContext.newPage();
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(server.url + POST);
      assert.equal(await page.locator("h1").textContent(), "Five stories every candidate needs");
      assert.equal(await page.locator("[data-print]").isVisible(), true);
      assert.deepEqual(errors, []);
      // The comment thread's iframe asks giscus.app; comments.suite.ts covers it.
      assert.deepEqual(blocked.filter((url) => !url.startsWith("https://giscus.app/")), []);
      await browserContext.close();
    });

    it("keeps the script-only buttons hidden when JavaScript is off", async () => {
      const { browser, server } = context.current;
      const { context: browserContext } = await isolatedContext(browser, server.url, { javaScriptEnabled: false });
      const page = await browserContext.newPage();
      await page.goto(server.url + POST);
      assert.equal(await page.locator("[data-print]").isVisible(), false);
      assert.equal(await page.locator(".post__body p").first().isVisible(), true);
      await browserContext.close();
    });
  });
}
