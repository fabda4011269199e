// The tweet of the day: chosen from the build day alone, so every build made
// on the same day (and every page of one build) shows the same tweet, and the
// daily Atom feed can list the past days without storing anything.
import type { Tweet } from "./schema.ts";

const DAY_MS = 86_400_000;

/** Days from 1970-01-01 to a `YYYY-MM-DD` day. */
export function dayNumber(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`expected a day as YYYY-MM-DD, not "${day}"`);
  return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
}

/** The `YYYY-MM-DD` day `offset` days after `day` (before, when negative). */
export function addDays(day: string, offset: number): string {
  return new Date((dayNumber(day) + offset) * DAY_MS).toISOString().slice(0, 10);
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/**
 * A step through the tweets that is coprime with their count, so stepping
 * once a day visits every tweet exactly once per `count` days; a step near
 * 0.618 × count jumps between the book's topics instead of reading them in order.
 */
export function dailyStep(count: number): number {
  let step = Math.max(1, Math.round(count * 0.618));
  while (greatestCommonDivisor(step, count) !== 1) step++;
  return step;
}

/** The tweet of a day; undefined when there are no tweets. `tweets` are sorted by number. */
export function tweetOfTheDay<T extends Tweet>(tweets: readonly T[], day: string): T | undefined {
  const count = tweets.length;
  if (count === 0) return undefined;
  const index = (((dayNumber(day) * dailyStep(count)) % count) + count) % count;
  return tweets[index];
}

/** One entry of the daily tweet feed. */
export interface DailyTweet {
  /** The day the tweet is the tweet of, `YYYY-MM-DD`. */
  day: string;
  tweet: Tweet;
  /** Midnight at the start of `day` in the site's time zone. */
  published: Date;
  /** Atom entry id: the same for the same day on every rebuild. */
  id: string;
}

export interface DailyTweetOptions {
  /** The site's base URL; its host names the tag URIs. */
  siteUrl: string;
  /** IANA time zone the days are counted in. */
  timeZone: string;
  /** Days in the feed. Default: 30. */
  days?: number;
}

export const DAILY_FEED_DAYS = 30;

/** The tweets of the last `days` days up to and including `today`, newest first. */
export function dailyTweets(tweets: readonly Tweet[], today: string, options: DailyTweetOptions): DailyTweet[] {
  const host = new URL(options.siteUrl).hostname;
  const entries: DailyTweet[] = [];
  if (tweets.length === 0) return entries;
  for (let offset = 0; offset < (options.days ?? DAILY_FEED_DAYS); offset++) {
    const day = addDays(today, -offset);
    entries.push({
      day,
      tweet: tweetOfTheDay(tweets, day)!,
      published: startOfDay(day, options.timeZone),
      id: dailyTweetId(host, day),
    });
  }
  return entries;
}

/**
 * A tag URI (RFC 4151) minted by the site's host on the day itself: unique per
 * day, and unchanged when the site is rebuilt or moves to another path.
 */
export function dailyTweetId(host: string, day: string): string {
  return `tag:${host},${day}:tweet-of-the-day`;
}

/** The instant a calendar day begins in an IANA time zone. */
export function startOfDay(day: string, timeZone: string): Date {
  const midnightUtc = dayNumber(day) * DAY_MS;
  // The zone's offset can differ between UTC midnight and local midnight (a
  // daylight saving change that night), so measure it twice.
  let instant = midnightUtc - offsetAt(midnightUtc, timeZone);
  instant = midnightUtc - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** Milliseconds the wall clock of `timeZone` is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wallClock = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wallClock - Math.floor(instant / 1000) * 1000;
}
