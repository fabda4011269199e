// What every browser suite shares: one production build of the sample site,
// one server, one Chromium. `browser.test.ts` sets it up once and passes it to
// each suite, which registers its tests with `describe`/`it`.
import type { Browser } from "playwright-core";

import type { StaticServer } from "../support/server.ts";
import type { BuiltSite } from "../support/site.ts";

export interface BrowserSuiteContext {
  site: BuiltSite;
  /** Serves `site.output` on 127.0.0.1 with gzip and the headers of netlify.toml, like the CDN. */
  server: StaticServer;
  browser: Browser;
}

/** Filled in by `before`; suites read it inside their tests, never at registration. */
export type LazyContext = { readonly current: BrowserSuiteContext };
