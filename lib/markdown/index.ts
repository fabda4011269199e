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

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 0x2d;

/**
 * Words as runs that start with a letter or digit and go on through letters,
 * digits, apostrophes and hyphens ("don't", "follow-up"). A scan rather than
 * a Unicode regex: bodies are counted on every build, and most text is ASCII.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let wordCharacter: boolean;
    if (code < 0x80) {
      const lower = code | 0x20;
      wordCharacter = (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
    } else {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) i++;
      wordCharacter = LETTER_OR_DIGIT.test(String.fromCodePoint(point));
    }
    if (wordCharacter) {
      if (!inWord) count++;
      inWord = true;
    } else if (!(inWord && (code === APOSTROPHE || code === RIGHT_QUOTE || code === HYPHEN))) {
      inWord = false;
    }
  }
  return count;
}
