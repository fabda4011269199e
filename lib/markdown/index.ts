// The one markdown-it instance posts are rendered with, and the analysis the
// content index needs from each post body (description, words, citations).
import markdownIt, { type MarkdownIt, type Token } from "markdown-it";

import { truncateAtWord } from "../content/text.ts";
import { citationsOf, type MarkdownEnv, type TweetCitation } from "./env.ts";
import { tweetCardPlugin } from "./tweet-card.ts";
import { parseForRender, reuseParsedTokens } from "./token-reuse.ts";
import { tweetMentionsPlugin } from "./tweet-mentions.ts";

export function createMarkdown(): MarkdownIt {
  return markdownIt({ html: true, linkify: true, typographer: true })
    .use(tweetMentionsPlugin)
    .use(tweetCardPlugin);
}

const perConfiguration = new WeakMap<object, MarkdownIt>();

/**
 * The instance a configuration renders with and the content index parses with:
 * one per configuration (the dev server makes a new one when lib/ changes), so
 * the index's parse is reused for rendering.
 */
export function markdownFor(eleventyConfig: object): MarkdownIt {
  let md = perConfiguration.get(eleventyConfig);
  if (!md) {
    md = createMarkdown();
    reuseParsedTokens(md);
    perConfiguration.set(eleventyConfig, md);
  }
  return md;
}

/** What the content index learns from a post body without rendering it. */
export interface BodyAnalysis {
  /** Plain text of the first paragraph, cut to fit a meta description. */
  firstParagraph: string;
  words: number;
  citations: TweetCitation[];
}

export function analyzeBody(md: MarkdownIt, body: string, descriptionLength: number): BodyAnalysis {
  const env: MarkdownEnv = {};
  const tokens = parseForRender(md, body, env);
  let firstParagraph = "";
  let words = 0;
  let inParagraph = false;
  for (const token of tokens) {
    if (token.type === "paragraph_open") inParagraph = true;
    if (token.type === "paragraph_close") inParagraph = false;
    if (token.type !== "inline" || !token.children) continue;
    const text = plainText(token.children);
    words += countWords(text);
    if (!firstParagraph && inParagraph && text.trim()) firstParagraph = text;
  }
  return {
    firstParagraph: truncateAtWord(firstParagraph, descriptionLength),
    words,
    citations: citationsOf(env),
  };
}

function plainText(children: Token[]): string {
  let text = "";
  for (const child of children) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
    else if (child.type === "image") text += child.content;
  }
  return text;
}

function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) count++;
  return count;
}
