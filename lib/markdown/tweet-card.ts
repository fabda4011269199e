// `{% tweet 128 %}` alone on a line places the card of a cited tweet at that
// spot in a post. A block rule, not a template tag: posts are not run through
// Nunjucks, so `{{ x }}` in a post or a tweet always prints literally.
import type { MarkdownIt, StateBlock } from "markdown-it";

import { escapeHtml } from "../html.ts";
import { tweetUrl as defaultTweetUrl } from "../tweets/browse.ts";
import { citationsOf, type MarkdownEnv } from "./env.ts";

export interface TweetCardOptions {
  tweetUrl?: (number: number) => string;
}

const CARD_LINE = /^\{%-?\s*tweet\s+(\d{1,4})\s*-?%\}\s*$/;

export function tweetCardPlugin(md: MarkdownIt, options: TweetCardOptions = {}): void {
  const tweetUrl = options.tweetUrl ?? defaultTweetUrl;

  md.block.ruler.before(
    "paragraph",
    "tweet_card",
    (state: StateBlock, startLine: number, _endLine: number, silent: boolean) => {
      const start = state.bMarks[startLine]! + state.tShift[startLine]!;
      const line = state.src.slice(start, state.eMarks[startLine]);
      const match = CARD_LINE.exec(line);
      if (!match || state.sCount[startLine]! - state.blkIndent >= 4) return false;
      if (silent) return true;
      const number = Number(match[1]);
      const token = state.push("tweet_card", "aside", 0);
      token.meta = { number };
      token.map = [startLine, startLine + 1];
      token.block = true;
      citationsOf(state.env as MarkdownEnv).push({ number, bodyLine: startLine, placed: true });
      state.line = startLine + 1;
      return true;
    },
    // A card line directly under a paragraph line still starts a card, instead of
    // printing `{% tweet 5 %}` as text.
    { alt: ["paragraph"] },
  );

  md.renderer.rules.tweet_card = (tokens, index, _options, env) => {
    const number = (tokens[index]!.meta as { number: number }).number;
    const tweet = (env as MarkdownEnv | undefined)?.tweets?.find((t) => t.number === number);
    return renderTweetCard(number, tweet?.text, tweetUrl(number));
  };
}

/** The card of one tweet; used in post bodies and, for unplaced citations, under the title. */
export function renderTweetCard(number: number, text: string | undefined, url: string): string {
  const body = text === undefined ? "" : `<p class="tweet-card__text">${escapeHtml(text)}</p>\n`;
  return (
    `<aside class="tweet-card" aria-label="Success Tweet ${number}">\n` +
    `<p class="tweet-card__number"><a href="${escapeHtml(url)}">Success Tweet ${number}</a></p>\n` +
    body +
    `</aside>\n`
  );
}
