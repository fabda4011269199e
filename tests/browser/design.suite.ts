// The design holds in a real browser: every page type fits a 320 px phone,
// posts keep a reading measure of about 65 characters, text keeps WCAG AA
// contrast in both colour schemes, keyboard users see where they are, and a
// printed post loses the site chrome but keeps its link addresses.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Page } from "playwright-core";

import { isolatedContext } from "../support/browser.ts";
import { composite, contrastRatio, parseComputedColor } from "../support/contrast.ts";
import type { LazyContext } from "./context.ts";

const POST = "/posts/the-coffee-chat-that-changed-my-career/";
const PAGE_TYPES = ["/", "/page/2/", POST, "/archive/", "/tags/", "/tags/leadership/", "/about/", "/books/", "/404.html"];

/** Text that must stay readable, by page: body copy, meta, links, cards, chrome. */
const TEXT_SAMPLES: Record<string, string[]> = {
  "/": [".intro__lead", ".post-card__title a", ".post-card__meta", ".post-card__description", ".tag-list__tag", ".pager__link", ".pager__position"],
  [POST]: [
    ".site-header__title",
    ".site-nav a",
    ".site-search__input",
    ".site-search__button",
    ".post__title",
    ".post-meta",
    ".post__body p",
    ".post__body .tweet-mention",
    ".tweet-card__number a",
    ".tweet-card__text",
    ".post__body blockquote p",
    ".post__signature",
    ".post__ps p",
    ".post__ps a",
    ".share__heading",
    ".share__link",
    ".post-nav__label",
    ".post-nav__link",
    ".related__item a",
    ".related__item time",
    ".site-footer__about",
    ".site-footer__links a",
  ],
  "/archive/": [".archive-year h2", ".archive-month", ".archive-list time", ".archive-list a"],
  "/tags/": [".tag-cloud a", ".tag-cloud__count"],
};

interface TextStyle {
  color: string;
  /** Background colours from the element up to the root, nearest first. */
  backgrounds: string[];
  fontSize: number;
  fontWeight: number;
}

async function textStyle(page: Page, selector: string): Promise<TextStyle> {
  return page.locator(selector).first().evaluate((element) => {
    const style = getComputedStyle(element);
    const backgrounds: string[] = [];
    for (let node: Element | null = element; node; node = node.parentElement) {
      backgrounds.push(getComputedStyle(node).backgroundColor);
    }
    return { color: style.color, backgrounds, fontSize: parseFloat(style.fontSize), fontWeight: Number(style.fontWeight) };
  });
}

/** Contrast of the text against what is painted behind it, and the WCAG AA minimum for its size. */
function contrastOf(style: TextStyle): { ratio: number; minimum: number } {
  let background = parseComputedColor("rgb(255, 255, 255)");
  for (const layer of style.backgrounds.toReversed()) background = composite(parseComputedColor(layer), background);
  const text = composite(parseComputedColor(style.color), background);
  // WCAG "large text": at least 18pt (24px), or 14pt (18.66px) bold.
  const large = style.fontSize >= 24 || (style.fontSize >= 18.66 && style.fontWeight >= 700);
  return { ratio: contrastRatio(text, background), minimum: large ? 3 : 4.5 };
}

export function registerDesignSuite(context: LazyContext): void {
  describe("the design", () => {
    it("fits every page type on a 320 px screen without sideways scrolling", async () => {
      const { browser, server } = context.current;
      const { context: browserContext } = await isolatedContext(browser, server.url, { viewport: { width: 320, height: 640 } });
      const page = await browserContext.newPage();
      const overflowing: string[] = [];
      for (const url of PAGE_TYPES) {
        await page.goto(server.url + url);
        const extra = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (extra > 0) overflowing.push(`${url} is ${extra}px too wide`);
      }
      assert.deepEqual(overflowing, []);
      await browserContext.close();
    });

    it("sets a post in a column of about 65 characters on a wide screen", async () => {
      const { browser, server } = context.current;
      const { context: browserContext } = await isolatedContext(browser, server.url, { viewport: { width: 1280, height: 900 } });
      const page = await browserContext.newPage();
      await page.goto(server.url + POST);
      const { column, characters } = await page.locator(".post__body p").first().evaluate((paragraph) => {
        const probe = document.createElement("span");
        probe.textContent = "0".repeat(65);
        probe.style.whiteSpace = "nowrap";
        paragraph.append(probe);
        const characters = probe.getBoundingClientRect().width;
        probe.remove();
        return { column: paragraph.getBoundingClientRect().width, characters };
      });
      const ratio = column / characters;
      assert.ok(ratio > 0.9 && ratio <= 1.01, `the column is ${column}px, 65 characters are ${characters}px`);
      await browserContext.close();
    });

    for (const colorScheme of ["light", "dark"] as const) {
      it(`keeps WCAG AA contrast for text and links in the ${colorScheme} scheme`, async () => {
        const { browser, server } = context.current;
        const { context: browserContext } = await isolatedContext(browser, server.url, { colorScheme });
        const page = await browserContext.newPage();
        const failures: string[] = [];
        for (const [url, selectors] of Object.entries(TEXT_SAMPLES)) {
          await page.goto(server.url + url);
          for (const selector of selectors) {
            const { ratio, minimum } = contrastOf(await textStyle(page, selector));
            if (ratio < minimum) failures.push(`${url} ${selector}: ${ratio.toFixed(2)}:1, needs ${minimum}:1`);
          }
        }
        assert.deepEqual(failures, []);
        const body = parseComputedColor(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
        const brightness = (body.r + body.g + body.b) / 3;
        assert.ok(colorScheme === "dark" ? brightness < 64 : brightness > 192, `body background in ${colorScheme}: ${JSON.stringify(body)}`);
        await browserContext.close();
      });
    }

    it("underlines links inside post text so they do not rely on colour", async () => {
      const { browser, server } = context.current;
      const { context: browserContext } = await isolatedContext(browser, server.url);
      const page = await browserContext.newPage();
      await page.goto(server.url + POST);
      for (const selector of [".post__body .tweet-mention", ".post__ps a", ".related__item a"]) {
        const line = await page.locator(selector).first().evaluate((link) => getComputedStyle(link).textDecorationLine);
        assert.equal(line, "underline", selector);
      }
      await browserContext.close();
    });

    it("shows a skip link on the first Tab that takes the reader to the main content", async () => {
      const { browser, server } = context.current;
      const { context: browserContext } = await isolatedContext(browser, server.url, { viewport: { width: 375, height: 700 } });
      const page = await browserContext.newPage();
      await page.goto(server.url + POST);
      const skipLink = page.locator(".skip-link");
      const hidden = await skipLink.boundingBox();
      assert.ok(hidden && hidden.y + hidden.height <= 0, "the skip link is off-screen until focused");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.className), "skip-link");
      // The reveal may be animated; wait for it to settle inside the viewport.
      await page.waitForFunction(() => document.querySelector(".skip-link")!.getBoundingClientRect().top >= 0);
      assert.equal(await skipLink.evaluate((link) => getComputedStyle(link).opacity), "1");
      await page.keyboard.press("Enter");
      assert.equal(new URL(page.url()).hash, "#main");
      await browserContext.close();
    });

    it("draws a clear focus outline around keyboard-focused links and buttons", async () => {
      const { browser, server } = context.current;
      const { context: browserContext } = await isolatedContext(browser, server.url);
      const page = await browserContext.newPage();
      await page.goto(server.url + POST);
      for (let step = 0; step < 3; step++) await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { tag: document.activeElement!.tagName, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      assert.equal(outline.tag, "A");
      assert.equal(outline.style, "solid");
      assert.ok(outline.width >= 2, `outline is ${outline.width}px`);
      await browserContext.close();
    });

    it("prints a post without site navigation, search or sharing, in black on white, with link addresses", async () => {
      const { browser, server } = context.current;
      const { context: browserContext } = await isolatedContext(browser, server.url, { colorScheme: "dark" });
      const page = await browserContext.newPage();
      await page.goto(server.url + POST);
      await page.emulateMedia({ media: "print" });
      for (const selector of [".site-nav", ".site-search", ".share", ".post-nav", ".related", ".site-footer__links", "[data-print]"]) {
        assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is hidden in print`);
      }
      assert.equal(await page.locator(".post__body").isVisible(), true);
      const printed = await page.evaluate(() => {
        const link = document.querySelector<HTMLAnchorElement>(".post__body a[href]")!;
        return {
          href: link.getAttribute("href"),
          after: getComputedStyle(link, "::after").content,
          text: getComputedStyle(document.querySelector(".post__body p")!).color,
          page: getComputedStyle(document.body).backgroundColor,
        };
      });
      assert.equal(printed.after, `" (${printed.href})"`);
      assert.equal(printed.text, "rgb(0, 0, 0)");
      assert.equal(printed.page, "rgb(255, 255, 255)");
      await browserContext.close();
    });
  });
}
