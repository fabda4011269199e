// What our markdown-it rules keep per document. Eleventy passes the page's data
// as markdown-it's `env`, so per-post state never lives in module globals.
import type { Tweet } from "../tweets/schema.ts";

/** A tweet a post cites in its body. */
export interface TweetCitation {
  number: number;
  /** 0-based line in the Markdown body. */
  bodyLine: number;
  /** True for a `{% tweet N %}` card, false for a mention in running text. */
  placed: boolean;
}

export interface MarkdownEnv {
  /** Filled by the tweet rules while parsing. */
  tweetCitations?: TweetCitation[];
  /** The tweets data, from the Eleventy data cascade, for rendering cards. */
  tweets?: readonly Tweet[];
  [key: string | symbol]: unknown;
}

export function citationsOf(env: MarkdownEnv): TweetCitation[] {
  env.tweetCitations ??= [];
  return env.tweetCitations;
}
