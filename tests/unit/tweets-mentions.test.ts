// The mention rule: Markdown in, exact HTML out, plus the citations it records
// (which feed the tweet pages' back-links and the missing-tweet check).
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import markdownIt from "markdown-it";

import { readPost } from "../../lib/content/posts.ts";
import type { MarkdownEnv } from "../../lib/markdown/env.ts";
import { createMarkdown } from "../../lib/markdown/index.ts";
import { tweetMentionsPlugin } from "../../lib/markdown/tweet-mentions.ts";

interface Fixture {
  name: string;
  markdown: string;
  html: string;
  /** Cited tweet numbers with their 0-based body line. */
  citations: Array<[number, number]>;
}

const FIXTURES: Fixture[] = [
  {
    name: "links a plain mention",
    markdown: "Tweet 12 says it all.",
    html: '<p><a href="/tweets/12/" class="tweet-mention">Tweet 12</a> says it all.</p>\n',
    citations: [[12, 0]],
  },
  {
    name: 'links "tweet #12" in lower case',
    markdown: "As tweet #12 puts it.",
    html: '<p>As <a href="/tweets/12/" class="tweet-mention">tweet #12</a> puts it.</p>\n',
    citations: [[12, 0]],
  },
  {
    name: "links several mentions on one line, each once",
    markdown: "Compare Tweet 3, tweet #40 and Tweet 128.",
    html:
      '<p>Compare <a href="/tweets/3/" class="tweet-mention">Tweet 3</a>, ' +
      '<a href="/tweets/40/" class="tweet-mention">tweet #40</a> and ' +
      '<a href="/tweets/128/" class="tweet-mention">Tweet 128</a>.</p>\n',
    citations: [[3, 0], [40, 0], [128, 0]],
  },
  {
    name: "leaves a mention inside a Markdown link alone",
    markdown: "See [what Tweet 12 means](/posts/x/) first.",
    html: '<p>See <a href="/posts/x/">what Tweet 12 means</a> first.</p>\n',
    citations: [],
  },
  {
    name: "leaves a mention inside an HTML link alone",
    markdown: 'See <a href="/posts/x/">Tweet 12</a> first.',
    html: '<p>See <a href="/posts/x/">Tweet 12</a> first.</p>\n',
    citations: [],
  },
  {
    name: "leaves a mention inside a code span alone",
    markdown: "Type `Tweet 12` in the search box.",
    html: "<p>Type <code>Tweet 12</code> in the search box.</p>\n",
    citations: [],
  },
  {
    name: "leaves a mention inside HTML code alone",
    markdown: "Type <code>Tweet 12</code> here.",
    html: "<p>Type <code>Tweet 12</code> here.</p>\n",
    citations: [],
  },
  {
    name: "leaves a mention inside a fenced code block alone",
    markdown: "```\nTweet 12\n```",
    html: "<pre><code>Tweet 12\n</code></pre>\n",
    citations: [],
  },
  {
    name: "leaves a mention inside an indented code block alone",
    markdown: "    Tweet 12",
    html: "<pre><code>Tweet 12\n</code></pre>\n",
    citations: [],
  },
  {
    name: "links a mention after a link on the same line",
    markdown: "[Read this](/x/), then Tweet 7.",
    html: '<p><a href="/x/">Read this</a>, then <a href="/tweets/7/" class="tweet-mention">Tweet 7</a>.</p>\n',
    citations: [[7, 0]],
  },
  {
    name: "does not link words that only contain tweet, or numbers that are too long",
    markdown: "Retweet 5 and tweets 6 and Tweet 12345.",
    html: "<p>Retweet 5 and tweets 6 and Tweet 12345.</p>\n",
    citations: [],
  },
  {
    name: "records the line of a mention on a later line of a paragraph and in a list",
    markdown: "First line\nsecond line with Tweet 9\n\n- item\n- item citing tweet #10",
    html:
      '<p>First line\nsecond line with <a href="/tweets/9/" class="tweet-mention">Tweet 9</a></p>\n' +
      '<ul>\n<li>item</li>\n<li>item citing <a href="/tweets/10/" class="tweet-mention">tweet #10</a></li>\n</ul>\n',
    citations: [[9, 1], [10, 4]],
  },
];

describe("the tweet mention rule", () => {
  const md = markdownIt({ html: true }).use(tweetMentionsPlugin);
  for (const fixture of FIXTURES) {
    it(fixture.name, () => {
      const env: MarkdownEnv = {};
      assert.equal(md.render(fixture.markdown, env), fixture.html);
      assert.deepEqual(
        (env.tweetCitations ?? []).map((c) => [c.number, c.bodyLine]),
        fixture.citations,
      );
    });
  }

  it("uses the tweet URL it is given", () => {
    const custom = markdownIt().use(tweetMentionsPlugin, { tweetUrl: (n: number) => `/tips/${n}.html` });
    assert.equal(custom.render("Tweet 4"), '<p><a href="/tips/4.html" class="tweet-mention">Tweet 4</a></p>\n');
  });

  it("keeps citations per document, never between renders", () => {
    const first: MarkdownEnv = {};
    const second: MarkdownEnv = {};
    md.render("Tweet 1", first);
    md.render("No mention here.", second);
    assert.equal(first.tweetCitations?.length, 1);
    assert.equal(second.tweetCitations, undefined);
  });
});

describe("citations of a post", () => {
  it("carry the line in the post file, for front matter and body alike", () => {
    const text = [
      "---", // 1
      "title: Citing tweets", // 2
      "date: 2024-05-01", // 3
      "tweets:", // 4
      "  - 3", // 5
      "  - 141", // 6
      "---", // 7
      "", // 8
      "Intro with Tweet 5.", // 9
      "", // 10
      "{% tweet 3 %}", // 11
      "", // 12
      "Two on one line: Tweet 141 and tweet #2.", // 13
      "```", // 14
      "Tweet 99 in code is not a citation", // 15
      "```", // 16
    ].join("\n");
    const { post, problems } = readPost(text, "posts/x.md", createMarkdown());
    assert.deepEqual(problems, []);
    assert.deepEqual(
      // Cards are found while parsing blocks and mentions afterwards, so order by line.
      post!.citations.map((c) => [c.number, c.line, c.placed]).sort((a, b) => Number(a[1]) - Number(b[1])),
      [[3, 5, false], [141, 6, false], [5, 9, false], [3, 11, true], [141, 13, false], [2, 13, false]],
    );
    assert.deepEqual(new Set(post!.citedTweets), new Set([3, 141, 5, 2]));
    assert.deepEqual(post!.unplacedTweets, [141]);
  });
});
