// Quality gates over the production build of the sample site that need no
// browser: every page is valid HTML and every internal reference resolves.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { checkLinks, formatBrokenLink, htmlPages } from "../support/link-check.ts";
import { nuCheckerSkipReason, nuErrors } from "../support/nu-checker.ts";
import { buildSampleSite } from "../support/sample-site.ts";
import { outputFileFor, type BuiltSite } from "../support/site.ts";

const nuSkip = nuCheckerSkipReason();
if (nuSkip) console.log(`# ${nuSkip}`);

describe("the sample site build", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildSampleSite();
  });
  after(() => site?.remove());

  it("has only valid HTML, by the Nu Html Checker", { skip: nuSkip }, () => {
    const pages = htmlPages(site.output);
    const errors = nuErrors(pages.map((url) => outputFileFor(site.output, url)));
    console.log(`# Nu Html Checker: ${pages.length} pages, ${errors.length} errors`);
    assert.deepEqual(
      errors.map((error) => `${path.relative(site.output, new URL(error.url ?? "file:///").pathname)}:${error.lastLine}: ${error.message}`),
      [],
    );
  });

  it("every internal link, image, stylesheet, script and fragment resolves", () => {
    const result = checkLinks(site.output, { siteUrl: "https://blog.example.com" });
    console.log(`# links: ${result.pages} pages, ${result.references} internal references, ${result.broken.length} broken`);
    assert.deepEqual(result.broken.map(formatBrokenLink), []);
  });
});
