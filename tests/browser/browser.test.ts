// Every browser suite, sharing one build, one server and one Chromium.
import { after, before, describe } from "node:test";

import { browserSkipReason, launchBrowser } from "../support/browser.ts";
import { netlifyHeadersFor } from "../support/netlify.ts";
import { buildSampleSite } from "../support/sample-site.ts";
import { serveStatic } from "../support/server.ts";
import { registerCommentsSuite } from "./comments.suite.ts";
import type { BrowserSuiteContext, LazyContext } from "./context.ts";
import { registerDesignSuite } from "./design.suite.ts";
import { registerCspSuite } from "./csp.suite.ts";
import { registerPageSuite } from "./page.suite.ts";
import { registerSearchSuite } from "./search.suite.ts";
import { registerTweetsSuite } from "./tweets.suite.ts";
import { registerQualitySuite } from "./quality.suite.ts";

const skip = browserSkipReason();
if (skip) console.log(`# ${skip}`);

describe("the sample site in Chromium", { skip }, () => {
  let current: BrowserSuiteContext | undefined;
  const context: LazyContext = {
    get current() {
      if (!current) throw new Error("browser suite context used before setup");
      return current;
    },
  };

  before(async () => {
    const site = await buildSampleSite();
    const server = await serveStatic(site.output, { compress: true, headersFor: await netlifyHeadersFor() });
    const browser = await launchBrowser();
    current = { site, server, browser };
  });

  after(async () => {
    await current?.browser.close();
    await current?.server.close();
    current?.site.remove();
  });

  registerPageSuite(context);
  registerDesignSuite(context);
  registerCommentsSuite(context);
  registerSearchSuite(context);
  registerCspSuite(context);
  registerTweetsSuite(context);
  registerQualitySuite(context);
});
