// Every page type under the production headers (the shared server applies
// netlify.toml through Netlify's parser): no Content-Security-Policy
// violation and no console error anywhere, and search still finds posts with
// Pagefind's WebAssembly and worker running under the policy.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Page } from "playwright-core";

import { isolatedContext } from "../support/browser.ts";
import { loadNetlifyHeaders } from "../support/netlify.ts";
import type { LazyContext } from "./context.ts";

const POST = "/posts/five-stories-every-candidate-needs/";
const SEARCH_QUERY = "interview";

interface Watched {
  page: Page;
  /** CSP violations seen by the document, as `directive blocked-uri`. */
  violations(): Promise<string[]>;
  /** Console errors, page errors, failed loads, and warnings about CSP or workers, from the page and its workers. */
  problems: string[];
  /** Outside requests the harness blocked (the CSP let them through). */
  blocked: string[];
  close(): Promise<void>;
}

// Chromium warns, not errs, about a Permissions-Policy feature it does not know.
const WORRYING_WARNING = /content.security.policy|permissions.policy|refused to|worker/i;

async function watchedPage(context: LazyContext): Promise<Watched> {
  const { browser, server } = context.current;
  const { context: browserContext, blocked } = await isolatedContext(browser, server.url);
  await browserContext.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} ${event.blockedURI || "inline"}`);
    });
  });
  const page = await browserContext.newPage();
  const problems: string[] = [];
  const record = (type: string, text: string) => {
    // Failed loads are recorded with their URL below; outside requests the
    // harness aborts on purpose are in `blocked`.
    if (text.startsWith("Failed to load resource:")) return;
    if (type === "error" || (type === "warning" && WORRYING_WARNING.test(text))) problems.push(`${type}: ${text}`);
  };
  page.on("console", (message) => record(message.type(), message.text()));
  page.on("worker", (worker) => worker.on("console", (message) => record(message.type(), `[worker] ${message.text()}`)));
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  // The page itself may be the 404 page; anything it loads must succeed.
  page.on("response", (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== "document") {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  page.on("requestfailed", (request) => {
    if (!blocked.includes(request.url())) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  return {
    page,
    problems,
    blocked,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    close: () => browserContext.close(),
  };
}

async function assertClean(watched: Watched): Promise<void> {
  assert.deepEqual(await watched.violations(), [], "CSP violations");
  assert.deepEqual(watched.problems, [], "console errors");
  for (const url of watched.blocked) {
    assert.ok(url.startsWith("https://giscus.app/"), `the page reached for ${url}, which only the harness stopped`);
  }
}

export function registerCspSuite(context: LazyContext): void {
  describe("the Content-Security-Policy and headers of netlify.toml", () => {
    const pageCases: Array<{ name: string; url: () => string | undefined; status?: number }> = [
      { name: "the home page", url: () => "/" },
      { name: "a post page (with its comments)", url: () => POST },
      {
        name: "a tag page",
        url: () => (context.current.site.exists("/tags/interviews/") ? "/tags/interviews/" : undefined),
      },
      {
        name: "a tweet page",
        url: () => (context.current.site.exists("/tweets/1/") ? "/tweets/1/" : undefined),
      },
      { name: "the 404 page (for an unknown address)", url: () => "/no-such-page/", status: 404 },
    ];

    for (const pageCase of pageCases) {
      it(`loads ${pageCase.name} with no CSP violation and no console error`, async (t) => {
        const url = pageCase.url();
        if (!url) return t.skip(`${pageCase.name} is not part of this build`);
        const watched = await watchedPage(context);
        try {
          const response = await watched.page.goto(context.current.server.url + url, { waitUntil: "load" });
          assert.equal(response?.status(), pageCase.status ?? 200);
          assert.ok(response?.headers()["content-security-policy"], "the server sends netlify.toml's policy");
          // Lazy parts (comments, deferred scripts) get their chance to break the policy too.
          await watched.page.mouse.wheel(0, 100_000);
          await watched.page.waitForLoadState("networkidle");
          await assertClean(watched);
        } finally {
          await watched.close();
        }
      });
    }

    it("serves the policy of netlify.toml, read by Netlify's parser", async () => {
      const expected = (await loadNetlifyHeaders()).headersFor(POST)["content-security-policy"];
      const watched = await watchedPage(context);
      try {
        const response = await watched.page.goto(context.current.server.url + POST);
        assert.equal(response?.headers()["content-security-policy"], expected);
      } finally {
        await watched.close();
      }
    });

    it("refuses an inline script, and the suite sees the violation", async () => {
      const watched = await watchedPage(context);
      try {
        await watched.page.goto(context.current.server.url + POST);
        const ran = await watched.page.evaluate(() => {
          const script = document.createElement("script");
          script.textContent = "window.__inlineRan = true";
          document.head.append(script);
          return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
        });
        assert.equal(ran, false);
        await watched.page.waitForFunction(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0);
        assert.deepEqual(await watched.violations(), ["script-src-elem inline"]);
      } finally {
        await watched.close();
      }
    });

    it("lets Pagefind search with its WebAssembly and worker under the policy", async (t) => {
      if (!context.current.site.exists("/pagefind/pagefind.js")) return t.skip("no Pagefind index in this build");
      const watched = await watchedPage(context);
      try {
        await watched.page.goto(context.current.server.url + "/");
        const count = await watched.page.evaluate(
          async ({ bundle, query }) => {
            const pagefind = await import(bundle);
            const search = await pagefind.search(query);
            return search.results.length as number;
          },
          { bundle: "/pagefind/pagefind.js", query: SEARCH_QUERY },
        );
        assert.ok(count > 0, `Pagefind found nothing for "${SEARCH_QUERY}"`);
        await assertClean(watched);
      } finally {
        await watched.close();
      }
    });

    it("shows search results on the search page for ?q=, with no CSP violation and no console error", async (t) => {
      if (!context.current.site.exists("/search/")) return t.skip("no search page in this build");
      const watched = await watchedPage(context);
      try {
        const response = await watched.page.goto(`${context.current.server.url}/search/?q=${SEARCH_QUERY}`);
        assert.equal(response?.status(), 200);
        await watched.page.waitForFunction(() => document.querySelectorAll('main a[href*="/posts/"]').length > 0, null, {
          timeout: 15_000,
        });
        await watched.page.waitForLoadState("networkidle");
        await assertClean(watched);
      } finally {
        await watched.close();
      }
    });
  });
}
