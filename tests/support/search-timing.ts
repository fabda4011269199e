// What a first search costs a reader: the time from the last keystroke until
// the results for the whole word are on screen, measured inside the page, and
// the bytes the search bundle sends. The search suite reports these for the
// sample site; `npm run bench` for the 4,000-post benchmark site.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

import type { Page } from "playwright-core";

/**
 * Types like a reader, `keyDelayMs` between keystrokes, and resolves with the
 * ms from the last keystroke to the moment the results for the whole word are
 * on screen. At the default 40 ms no search starts before the last key (the
 * search input waits 100 ms); at an ordinary typing speed the search page
 * searches each beginning of the word as the reader types.
 */
export async function typeAndTimeResults(page: Page, word: string, keyDelayMs = 40): Promise<number> {
  await page.evaluate((term) => {
    const root = document.querySelector("[data-search]")!;
    const timing = { lastKey: 0, results: 0 };
    (window as unknown as { searchTiming: typeof timing }).searchTiming = timing;
    // Callbacks stay anonymous: tsx would wrap named ones in a helper the page does not have.
    root.addEventListener("input", () => {
      timing.lastKey = performance.now();
      timing.results = 0;
    });
    new MutationObserver(() => {
      const summary = root.querySelector("pagefind-summary")?.textContent ?? "";
      if (timing.lastKey && !timing.results && summary.includes(`for ${term}`) && root.querySelector(".search-result")) {
        timing.results = performance.now();
      }
    }).observe(root, { childList: true, subtree: true, characterData: true });
  }, word);
  const input = page.locator("pagefind-input input");
  await input.click();
  await input.pressSequentially(word, { delay: keyDelayMs });
  await page.waitForFunction(() => (window as unknown as { searchTiming: { results: number } }).searchTiming.results > 0, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const timing = (window as unknown as { searchTiming: { lastKey: number; results: number } }).searchTiming;
    return timing.results - timing.lastKey;
  });
}

/**
 * Bytes the test server sends for a file: gzipped like its text types (the
 * CDN does the same), as stored otherwise (Pagefind compresses its own index
 * and wasm files). Body bytes only, headers aside.
 */
export function servedBytes(output: string, urlPath: string): number {
  const contents = readFileSync(`${output}${urlPath}`);
  return /\.(js|css|json)$/.test(urlPath) ? gzipSync(contents).length : contents.length;
}
