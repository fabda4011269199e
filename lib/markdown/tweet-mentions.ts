// Links every plain-text "Tweet 128" / "tweet #128" in a post to the tweet's
// page and records it as a citation, so mentions feed the same back-links as
// `tweets:` front matter. Text inside links and code is left alone.
import type { MarkdownIt, StateCore, Token } from "markdown-it";

import { citationsOf, type MarkdownEnv } from "./env.ts";

export interface TweetMentionOptions {
  /** URL of a tweet's page. Default: `/tweets/<n>/`. */
  tweetUrl?: (number: number) => string;
}

const MENTION = /\btweet\s?#?\s?(\d{1,4})\b/gi;

export function tweetMentionsPlugin(md: MarkdownIt, options: TweetMentionOptions = {}): void {
  const tweetUrl = options.tweetUrl ?? ((n: number) => `/tweets/${n}/`);

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
  let linkDepth = 0;
  let lineOffset = 0;
  for (const token of children) {
    if (token.type === "link_open") linkDepth++;
    if (token.type === "link_close") linkDepth--;
    if (token.type === "softbreak" || token.type === "hardbreak") lineOffset++;
    if (token.type !== "text" || linkDepth > 0 || !MENTION.test(token.content)) {
      out.push(token);
      continue;
    }
    MENTION.lastIndex = 0;
    let last = 0;
    for (const match of token.content.matchAll(MENTION)) {
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
