// The card rule: `{% tweet N %}` alone on a line becomes the tweet's card,
// Markdown in and exact HTML out, and counts as a placed citation.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import markdownIt from "markdown-it";

import type { MarkdownEnv } from "../../lib/markdown/env.ts";
import { tweetCardPlugin } from "../../lib/markdown/tweet-card.ts";
import type { Tweet } from "../../lib/tweets/schema.ts";

const TWEETS: Tweet[] = [
  { number: 5, text: "Ask how you can help.", topic: "networking" },
  { number: 6, text: "Write {{ x }} & <b>bold</b> plans, literally.", topic: "feedback" },
];

const card = (number: number, text: string) =>
  `<aside class="tweet-card" aria-label="Success Tweet ${number}">\n` +
  `<p class="tweet-card__number"><a href="/tweets/${number}/">Success Tweet ${number}</a></p>\n` +
  `<p class="tweet-card__text">${text}</p>\n` +
  `</aside>\n`;

function render(markdown: string): { html: string; env: MarkdownEnv } {
  const env: MarkdownEnv = { tweets: TWEETS };
  const html = markdownIt().use(tweetCardPlugin).render(markdown, env);
  return { html, env };
}

describe("the tweet card rule", () => {
  it("renders a card with the tweet's number, text and link", () => {
    const { html, env } = render("Before.\n\n{% tweet 5 %}\n\nAfter.");
    assert.equal(html, `<p>Before.</p>\n${card(5, "Ask how you can help.")}<p>After.</p>\n`);
    assert.deepEqual(env.tweetCitations, [{ number: 5, bodyLine: 2, placed: true }]);
  });

  it("accepts Nunjucks whitespace control and extra spaces", () => {
    assert.equal(render("{%- tweet   5 -%}").html, card(5, "Ask how you can help."));
  });

  it("prints template syntax and HTML in a tweet literally, escaped", () => {
    assert.equal(render("{% tweet 6 %}").html, card(6, "Write {{ x }} &amp; &lt;b&gt;bold&lt;/b&gt; plans, literally."));
  });

  it("starts a card on the line right after a paragraph", () => {
    assert.equal(render("Here it is:\n{% tweet 5 %}").html, `<p>Here it is:</p>\n${card(5, "Ask how you can help.")}`);
  });

  it("leaves the tag alone inside code blocks and when other text shares its line", () => {
    const { html, env } = render("```\n{% tweet 5 %}\n```\n\n    {% tweet 5 %}\n\nSee {% tweet 5 %} here.");
    assert.equal(
      html,
      "<pre><code>{% tweet 5 %}\n</code></pre>\n<pre><code>{% tweet 5 %}\n</code></pre>\n<p>See {% tweet 5 %} here.</p>\n",
    );
    assert.equal(env.tweetCitations, undefined);
  });

  it("renders the number and link without text for a tweet it does not know, which the build then reports", () => {
    const { html, env } = render("{% tweet 141 %}");
    assert.equal(
      html,
      '<aside class="tweet-card" aria-label="Success Tweet 141">\n<p class="tweet-card__number"><a href="/tweets/141/">Success Tweet 141</a></p>\n</aside>\n',
    );
    assert.deepEqual(env.tweetCitations, [{ number: 141, bodyLine: 0, placed: true }]);
  });
});
