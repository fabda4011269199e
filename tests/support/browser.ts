// Debian's Chromium driven by playwright-core. Nothing downloads a browser:
// the suite finds one at CHROME_PATH or /usr/bin/chromium. Without one the
// browser suites skip with the reason, except in CI (CI=true), where that fails.
import { existsSync } from "node:fs";

import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath(): string | undefined {
  const candidate = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * Why browser tests cannot run here, or undefined when they can. Throws in CI,
 * where a missing browser must fail the run rather than skip it.
 */
export function browserSkipReason(): string | undefined {
  if (chromiumPath()) return undefined;
  const reason =
    "Chromium not found at CHROME_PATH or /usr/bin/chromium: browser suites skipped (install Debian's chromium package, or set CHROME_PATH)";
  if (process.env.CI === "true") throw new Error(`${reason}. CI requires the browser.`);
  return reason;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(browserSkipReason() ?? "Chromium not found");
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}

/**
 * A context whose requests may reach only `allowedOrigin` (the test server);
 * everything else is aborted and recorded, so tests never touch the network.
 */
export async function isolatedContext(
  browser: Browser,
  allowedOrigin: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext(options);
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(allowedOrigin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  return { context, blocked };
}
