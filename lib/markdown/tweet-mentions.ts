// Links every plain-text "Tweet 128" / "tweet #128" in a post to the tweet's
// page and records it as a citation, so mentions feed the same back-links as
// `tweets:` front matter. Text inside links and code is left alone: code spans
// and fences are not text tokens, and we track link depth, including links and
// code written as inline HTML.
import type { MarkdownIt, StateCore, Token } from "markdown-it";

import { tweetUrl as defaultTweetUrl } from "../tweets/browse.ts";
import { citationsOf, type MarkdownEnv } from "./env.ts";

export interface TweetMentionOptions {
  /** URL of a tweet's page. Default: `/tweets/<n>/`. */
  tweetUrl?: (number: number) => string;
}

const MENTION = /\btweet\s?#?\s?(\d{1,4})\b/gi;
const HTML_OPEN = /^<(a|code|kbd|samp)(?=[\s>])/i;
const HTML_CLOSE = /^<\/(a|code|kbd|samp)\s*>/i;

export function tweetMentionsPlugin(md: MarkdownIt, options: TweetMentionOptions = {}): void {
  const tweetUrl = options.tweetUrl ?? defaultTweetUrl;

  md.core.ruler.after("inline", "tweet_mentions", (state: StateCore) => {
    const env = state.env as MarkdownEnv;
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const blockLine = block.map ? block.map[0] : 0;
      block.children = linkMentions(block.children, state, blockLine, env, tweetUrl);
    }
  });
}

function linkMentions(
  children: Token[],
  state: StateCore,
  blockLine: number,
  env: MarkdownEnv,
  tweetUrl: (n: number) => string,
): Token[] {
  const out: Token[] = [];
  // Links and code in Markdown syntax and in inline HTML both nest plain text tokens.
  let protectedDepth = 0;
  let lineOffset = 0;
  for (const token of children) {
    if (token.type === "link_open") protectedDepth++;
    if (token.type === "link_close") protectedDepth--;
    if (token.type === "html_inline") {
      if (HTML_OPEN.test(token.content)) protectedDepth++;
      else if (HTML_CLOSE.test(token.content)) protectedDepth = Math.max(0, protectedDepth - 1);
    }
    if (token.type === "softbreak" || token.type === "hardbreak") lineOffset++;
    const matches = token.type === "text" && protectedDepth === 0 ? [...token.content.matchAll(MENTION)] : [];
    if (matches.length === 0) {
      out.push(token);
      continue;
    }
    let last = 0;
    for (const match of matches) {
      const number = Number(match[1]);
      const start = match.index;
      if (start > last) out.push(textToken(state, token.content.slice(last, start), token.level));
      const open = new state.Token("link_open", "a", 1);
      open.attrSet("href", tweetUrl(number));
      open.attrSet("class", "tweet-mention");
      open.level = token.level;
      out.push(open, textToken(state, match[0], token.level + 1));
      const close = new state.Token("link_close", "a", -1);
      close.level = token.level;
      out.push(close);
      citationsOf(env).push({ number, bodyLine: blockLine + lineOffset, placed: false });
      last = start + match[0].length;
    }
    if (last < token.content.length) out.push(textToken(state, token.content.slice(last), token.level));
  }
  return out;
}

function textToken(state: StateCore, content: string, level: number): Token {
  const token = new state.Token("text", "", 0);
  token.content = content;
  token.level = level;
  return token;
}
