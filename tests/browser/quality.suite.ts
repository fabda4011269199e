// Site-wide quality gates in Chromium over every page type the build has:
// WCAG 2.1 AA by axe in both color schemes at phone and desktop widths,
// Lighthouse budgets, first-load page weight, print, and reading without
// JavaScript. Each gate prints its figures per page type.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

import { isolatedContext } from "../support/browser.ts";
import { runLighthouse, type LighthouseScores } from "../support/lighthouse.ts";
import { COVER_POST, LIGHTHOUSE_PAGE_TYPES, pageTypesIn, type PageType } from "../support/page-types.ts";
import type { LazyContext } from "./context.ts";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const WIDTHS = [375, 1280];
const SCHEMES = ["light", "dark"] as const;
const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** First-load budgets, compressed bytes. */
const POST_BUDGET_BYTES = 60 * 1024;
const POST_SCRIPT_BUDGET_BYTES = 5 * 1024;
const LIGHTHOUSE_MINIMUM: LighthouseScores = { performance: 0.95, accessibility: 1, "best-practices": 1, seo: 1 };

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest\+json)|image\/svg)/;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function recordConsoleErrors(page: Page, expectedStatusUrl?: string): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // Chromium logs the 404 page's own status as an error; that status is the point of the page.
    if (expectedStatusUrl && message.location().url === expectedStatusUrl) return;
    errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

interface Weight {
  total: number;
  scripts: number;
  requests: number;
}

/** Bytes a first visit transfers: text gzip-compressed as our server sends it, binaries as they are. */
async function firstLoadWeight(page: Page, url: string, origin: string): Promise<Weight> {
  const sizes: Promise<{ bytes: number; script: boolean }>[] = [];
  page.on("response", (response) => {
    sizes.push(
      (async () => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        const type = response.headers()["content-type"] ?? "";
        const bytes = COMPRESSIBLE.test(type) ? gzipSync(body).length : body.length;
        const script = response.request().resourceType() === "script" && response.url().startsWith(origin);
        return { bytes, script };
      })(),
    );
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  const all = await Promise.all(sizes);
  return {
    total: all.reduce((sum, entry) => sum + entry.bytes, 0),
    scripts: all.filter((entry) => entry.script).reduce((sum, entry) => sum + entry.bytes, 0),
    requests: all.length,
  };
}

export function registerQualitySuite(context: LazyContext): void {
  describe("site-wide quality gates", () => {
    const pageTypes = (): PageType[] => pageTypesIn(context.current.site);

    it("no page type has WCAG 2.1 AA violations, in light and dark, at 375 and 1280 px", async () => {
      const { browser, server } = context.current;
      const violations: string[] = [];
      const consoleErrors: string[] = [];
      // Outside requests (the giscus thread) are blocked and not judged here: axe checks our own markup.
      const { context: browserContext } = await isolatedContext(browser, server.url);
      const page = await browserContext.newPage();
      for (const pageType of pageTypes()) {
        const url = server.url + pageType.url;
        const errors = recordConsoleErrors(page, pageType.name === "404" ? url : undefined);
        await page.setViewportSize({ width: WIDTHS[0]!, height: 900 });
        await page.goto(url, { waitUntil: "load" });
        // One load per page type; width and color scheme change in place, as when a reader rotates or switches theme.
        let count = 0;
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          for (const colorScheme of SCHEMES) {
            await page.emulateMedia({ colorScheme });
            const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
            count += results.violations.length;
            for (const violation of results.violations) {
              const where = violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ");
              violations.push(`${pageType.name} (${colorScheme}, ${width}px): ${violation.id} on ${violation.nodes.length} elements: ${where}`);
            }
          }
        }
        console.log(`# axe ${pageType.name}: ${count} violations over ${WIDTHS.length * SCHEMES.length} variants`);
        consoleErrors.push(...errors.map((error) => `${pageType.name}: ${error}`));
        page.removeAllListeners("console");
        page.removeAllListeners("pageerror");
      }
      await browserContext.close();
      assert.deepEqual(violations, []);
      assert.deepEqual(consoleErrors, []);
    });

    it("Lighthouse scores home, a post, a tweet page and search within budget", async () => {
      const { server } = context.current;
      const targets = pageTypes().filter((pageType) => LIGHTHOUSE_PAGE_TYPES.includes(pageType.name));
      const results = await runLighthouse(targets.map((pageType) => server.url + pageType.url));
      // Performance is timed on a shared machine: a page under budget gets up to two more runs and keeps its best,
      // as Lighthouse advises for noisy hosts. A page that is really slow fails all three.
      for (const [index, pageType] of targets.entries()) {
        for (let run = 2; run <= 3 && results[index]!.scores.performance < LIGHTHOUSE_MINIMUM.performance; run++) {
          const [again] = await runLighthouse([server.url + pageType.url]);
          console.log(`# Lighthouse ${pageType.name}: performance ${results[index]!.scores.performance}, run ${run} gives ${again!.scores.performance}`);
          if (again!.scores.performance > results[index]!.scores.performance) results[index] = again!;
        }
      }
      const shortfalls: string[] = [];
      targets.forEach((pageType, index) => {
        const { scores, failing } = results[index]!;
        console.log(
          `# Lighthouse ${pageType.name}: ${Object.entries(scores)
            .map(([category, score]) => `${category} ${score}`)
            .join(", ")}`,
        );
        for (const [category, minimum] of Object.entries(LIGHTHOUSE_MINIMUM) as [keyof LighthouseScores, number][]) {
          if (scores[category] < minimum) {
            shortfalls.push(`${pageType.name}: ${category} ${scores[category]} < ${minimum} (${failing[category].join(", ")})`);
          }
        }
      });
      assert.deepEqual(shortfalls, []);
    });

    it("a post's first load stays within 60 KB compressed, and its own scripts within 5 KB", async () => {
      const { browser, server } = context.current;
      let post: Weight | undefined;
      for (const pageType of pageTypes()) {
        const { context: browserContext } = await isolatedContext(browser, server.url, PHONE);
        const page = await browserContext.newPage();
        const weight = await firstLoadWeight(page, server.url + pageType.url, server.url);
        console.log(`# weight ${pageType.name}: ${kb(weight.total)} in ${weight.requests} requests, our scripts ${kb(weight.scripts)}`);
        if (pageType.url === COVER_POST) post = weight;
        await browserContext.close();
      }
      assert.ok(post, `${COVER_POST} is missing from the build`);
      assert.ok(post.total <= POST_BUDGET_BYTES, `post first load ${kb(post.total)} > ${kb(POST_BUDGET_BYTES)}`);
      assert.ok(post.scripts <= POST_SCRIPT_BUDGET_BYTES, `post scripts ${kb(post.scripts)} > ${kb(POST_SCRIPT_BUDGET_BYTES)}`);
    });

    it("a printed post has no navigation, search, share links or comments, and shows its links' URLs", async () => {
      const { browser, server } = context.current;
      const { context: browserContext } = await isolatedContext(browser, server.url);
      const page = await browserContext.newPage();
      const posts = pageTypes().filter((pageType) => pageType.name.startsWith("post"));
      for (const post of posts) {
        await page.goto(server.url + post.url);
        await page.emulateMedia({ media: "print" });
        for (const selector of [".site-nav", ".site-search", ".share", ".comments"]) {
          for (const element of await page.locator(selector).all()) {
            assert.equal(await element.isVisible(), false, `${post.name}: ${selector} is printed`);
          }
        }
        for (const required of [".site-nav", ".site-search", ".share"]) {
          assert.ok((await page.locator(required).count()) > 0, `${post.name}: no ${required} to hide; has the markup changed?`);
        }
        const links = await page.locator(".post__body a[href]").evaluateAll((anchors) =>
          anchors.map((anchor) => ({ href: anchor.getAttribute("href"), after: getComputedStyle(anchor, "::after").content })),
        );
        assert.ok(links.length > 0, `${post.name} has no links in its body to check`);
        for (const link of links) assert.ok(link.after.includes(link.href ?? "\0"), `${post.name}: ${link.href} printed as ${link.after}`);

        const pdf = await page.pdf({ format: "A4" });
        assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
        assert.ok(pdf.length > 5000, `${post.name}: PDF is only ${pdf.length} bytes`);
        console.log(`# print ${post.name}: ${links.length} body links with URLs, PDF ${kb(pdf.length)}`);
        await page.emulateMedia({ media: "screen" });
      }
      await browserContext.close();
    });

    it("without JavaScript every page type shows its content and working navigation", async () => {
      const { browser, server } = context.current;
      const { context: browserContext } = await isolatedContext(browser, server.url, { ...PHONE, javaScriptEnabled: false });
      const page = await browserContext.newPage();
      const navTargets = new Set<string>();
      for (const pageType of pageTypes()) {
        await page.goto(server.url + pageType.url);
        const main = page.locator("main");
        assert.equal(await main.isVisible(), true, `${pageType.name}: main is hidden`);
        assert.equal(await main.locator("h1").first().isVisible(), true, `${pageType.name}: no visible heading`);
        const text = (await main.innerText()).trim();
        assert.ok(text.length > 40, `${pageType.name}: main shows only "${text}"`);
        const navLinks = page.locator(".site-nav a");
        assert.ok((await navLinks.count()) > 0, `${pageType.name}: no navigation links`);
        for (const link of await navLinks.all()) {
          assert.equal(await link.isVisible(), true, `${pageType.name}: nav link ${await link.textContent()} is hidden`);
          navTargets.add((await link.getAttribute("href")) ?? "");
        }
      }
      for (const href of navTargets) {
        const response = await browserContext.request.get(new URL(href, server.url).href);
        assert.equal(response.status(), 200, `navigation link ${href} answers ${response.status()}`);
      }
      console.log(`# no JavaScript: ${pageTypes().length} page types readable, ${navTargets.size} navigation targets`);
      await browserContext.close();
    });
  });
}
