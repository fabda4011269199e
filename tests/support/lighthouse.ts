// Lighthouse (mobile preset, simulated throttling) against pages of the test
// server, in a Chromium of its own started by chrome-launcher from Debian's
// binary: Lighthouse drives the browser over a debugging port, which the
// shared Playwright browser does not open.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

import { CHROMIUM_FLAGS, chromiumPath } from "./browser.ts";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type LighthouseScores = Record<(typeof CATEGORIES)[number], number>;

export interface LighthouseResult {
  scores: LighthouseScores;
  /** Per category, the weighted audits that did not pass, as `id (score)`. */
  failing: Record<(typeof CATEGORIES)[number], string[]>;
}

/** Scores each URL in turn in one Chromium. */
export async function runLighthouse(urls: string[]): Promise<LighthouseResult[]> {
  const chromePath = chromiumPath();
  if (!chromePath) throw new Error("Chromium not found");
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: [...CHROMIUM_FLAGS, "--headless=new"] });
  try {
    const results: LighthouseResult[] = [];
    for (const url of urls) {
      const runner = await lighthouse(url, { port: chrome.port, logLevel: "error", onlyCategories: [...CATEGORIES] });
      if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories, audits } = runner.lhr;
      const scores = {} as LighthouseScores;
      const failing = {} as LighthouseResult["failing"];
      for (const id of CATEGORIES) {
        const category = categories[id]!;
        scores[id] = category.score ?? 0;
        failing[id] = category.auditRefs
          .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${ref.id} (${audits[ref.id]!.score})`);
      }
      results.push({ scores, failing });
    }
    return results;
  } finally {
    chrome.kill();
  }
}
