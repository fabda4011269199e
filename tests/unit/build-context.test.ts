import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { buildContextFromEnv } from "../../lib/build-context.ts";

describe("the build context", () => {
  it("writes the search index unless BLOG_SEARCH_INDEX is off", () => {
    assert.equal(buildContextFromEnv({}).searchIndex, true);
    assert.equal(buildContextFromEnv({ BLOG_SEARCH_INDEX: "on" }).searchIndex, true);
    assert.equal(buildContextFromEnv({ BLOG_SEARCH_INDEX: "off" }).searchIndex, false);
  });

  it("refuses a BLOG_SEARCH_INDEX other than on or off, naming the values it takes", () => {
    assert.throws(() => buildContextFromEnv({ BLOG_SEARCH_INDEX: "no" }), /BLOG_SEARCH_INDEX must be "on" or "off", not "no"/);
  });

  it("follows Eleventy's run mode unless BLOG_MODE says otherwise", () => {
    assert.equal(buildContextFromEnv({ ELEVENTY_RUN_MODE: "serve" }).production, false);
    assert.equal(buildContextFromEnv({ ELEVENTY_RUN_MODE: "build" }).production, true);
    assert.equal(buildContextFromEnv({ ELEVENTY_RUN_MODE: "serve", BLOG_MODE: "production" }).production, true);
  });
});
