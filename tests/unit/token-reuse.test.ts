// The content index's parse of a post is reused to render it: the HTML must be
// exactly what a fresh parse renders, with Eleventy's page data as env.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { analyzeBody, createMarkdown, markdownFor } from "../../lib/markdown/index.ts";
import { forgetParsedTokens, renderAhead } from "../../lib/markdown/token-reuse.ts";

const BODY = "Intro with Tweet 12 and *emphasis*.\n\n{% tweet 12 %}\n\n## Heading\n\n- a [link](https://example.com)\n- b\n";
const PAGE_ENV = { tweets: [{ number: 12, topic: "x", text: "Say thank you." }], page: { inputPath: "./posts/a.md" } };

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

  it("renders a body ahead for its page, and Eleventy's render of that page returns that HTML without parsing or rendering again", () => {
    const md = markdownFor({});
    let parses = 0;
    let renders = 0;
    const parse = md.parse.bind(md);
    md.parse = (src, env) => (parses++, parse(src, env));
    const render = md.renderer.render.bind(md.renderer);
    md.renderer.render = (tokens, options, env) => (renders++, render(tokens, options, env));
    const expected = createMarkdown().render(BODY, { ...PAGE_ENV });
    analyzeBody(md, BODY, 200);
    assert.equal(renderAhead(md, BODY, { ...PAGE_ENV }), expected);
    assert.equal(renderAhead(md, BODY, { ...PAGE_ENV }), expected, "search reads the same HTML");
    assert.equal(md.render(BODY, { ...PAGE_ENV, page: { inputPath: "posts/a.md" } }), expected);
    assert.deepEqual({ parses, renders }, { parses: 1, renders: 1 });
    assert.equal(md.render(BODY, { ...PAGE_ENV }), expected);
    assert.deepEqual({ parses, renders }, { parses: 2, renders: 2 }, "a second render parses again");
  });

  it("renders a body again for another page with the same body (its images resolve from its own folder)", () => {
    const md = markdownFor({});
    const seen: unknown[] = [];
    const render = md.renderer.render.bind(md.renderer);
    md.renderer.render = (tokens, options, env) => (seen.push((env as typeof PAGE_ENV).page.inputPath), render(tokens, options, env));
    analyzeBody(md, BODY, 200);
    renderAhead(md, BODY, { ...PAGE_ENV });
    md.render(BODY, { ...PAGE_ENV, page: { inputPath: "./posts/2024/b.md" } });
    assert.deepEqual(seen, ["./posts/a.md", "./posts/2024/b.md"]);
  });

  it("forgets the tokens of posts left out of the build, and what was rendered ahead only before the next build", () => {
    const md = markdownFor({});
    const other = "Left out of the build.\n";
    analyzeBody(md, BODY, 200);
    analyzeBody(md, other, 200);
    const html = renderAhead(md, BODY, { ...PAGE_ENV });
    forgetParsedTokens(md, { keepRendered: true });
    let parses = 0;
    const parse = md.parse.bind(md);
    md.parse = (src, env) => (parses++, parse(src, env));
    md.render(other, { ...PAGE_ENV });
    assert.equal(parses, 1, "the left-out post's tokens are gone");
    assert.equal(md.render(BODY, { ...PAGE_ENV }), html);
    assert.equal(parses, 1);
    renderAhead(md, BODY, { ...PAGE_ENV });
    forgetParsedTokens(md);
    md.render(BODY, { ...PAGE_ENV });
    assert.equal(parses, 3, "one parse to render ahead again, one after everything was forgotten");
  });

  it("gives each configuration its own instance", () => {
    const config = {};
    assert.equal(markdownFor(config), markdownFor(config));
    assert.notEqual(markdownFor(config), markdownFor({}));
  });
});
