// The content index's parse of a post is reused to render it: the HTML must be
// exactly what a fresh parse renders, with Eleventy's page data as env.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { analyzeBody, createMarkdown, markdownFor } from "../../lib/markdown/index.ts";
import { forgetParsedTokens, renderWithoutTaking } from "../../lib/markdown/token-reuse.ts";

const BODY = "Intro with Tweet 12 and *emphasis*.\n\n{% tweet 12 %}\n\n## Heading\n\n- a [link](https://example.com)\n- b\n";
const PAGE_ENV = { tweets: [{ number: 12, topic: "x", text: "Say thank you." }] };

describe("token reuse", () => {
  it("renders an analysed body exactly as a fresh parse does, with the render's env", () => {
    const md = markdownFor({});
    analyzeBody(md, BODY, 200);
    const html = md.render(BODY, { ...PAGE_ENV });
    assert.equal(html, createMarkdown().render(BODY, { ...PAGE_ENV }));
    assert.match(html, /Say thank you\./);
  });

  it("parses once for analysis and rendering, and again only for a repeat or a forgotten body", () => {
    const md = markdownFor({});
    let parses = 0;
    const parse = md.parse.bind(md);
    md.parse = (src, env) => (parses++, parse(src, env));
    analyzeBody(md, BODY, 200);
    const first = md.render(BODY, { ...PAGE_ENV });
    assert.equal(parses, 1);
    assert.equal(md.render(BODY, { ...PAGE_ENV }), first);
    assert.equal(parses, 2);
    analyzeBody(md, BODY, 200);
    forgetParsedTokens(md);
    assert.equal(md.render(BODY, { ...PAGE_ENV }), first);
    assert.equal(parses, 4);
  });

  it("renders a body for search ahead of Eleventy, which then renders the same tokens without parsing again", () => {
    const md = markdownFor({});
    let parses = 0;
    const parse = md.parse.bind(md);
    md.parse = (src, env) => (parses++, parse(src, env));
    const expected = createMarkdown().render(BODY, { ...PAGE_ENV });
    assert.equal(renderWithoutTaking(md, BODY, { ...PAGE_ENV }), expected);
    assert.equal(md.render(BODY, { ...PAGE_ENV }), expected);
    assert.equal(parses, 1, "a body nobody analysed is parsed once, for both renders");
    analyzeBody(md, BODY, 200);
    assert.equal(renderWithoutTaking(md, BODY, { ...PAGE_ENV }), expected);
    assert.equal(md.render(BODY, { ...PAGE_ENV }), expected);
    assert.equal(parses, 2, "an analysed body is not parsed again");
  });

  it("gives each configuration its own instance", () => {
    const config = {};
    assert.equal(markdownFor(config), markdownFor(config));
    assert.notEqual(markdownFor(config), markdownFor({}));
  });
});
