// The tweet of the day depends on the day alone, visits every tweet once per
// cycle, and the daily feed's entries keep their ids across rebuilds.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { addDays, dailyStep, dailyTweetId, dailyTweets, dayNumber, startOfDay, tweetOfTheDay } from "../../lib/tweets/daily.ts";
import type { Tweet } from "../../lib/tweets/schema.ts";

const tweetsOf = (count: number): Tweet[] =>
  Array.from({ length: count }, (_, i) => ({ number: i + 1, text: `Tip ${i + 1}.`, topic: "networking" }));

const OPTIONS = { siteUrl: "https://blog.example.com", timeZone: "America/Chicago" };

describe("tweetOfTheDay", () => {
  it("gives the same tweet for the same day, however often it is asked", () => {
    const tweets = tweetsOf(140);
    const first = tweetOfTheDay(tweets, "2026-11-26");
    assert.ok(first, "140 tweets give a tweet of the day");
    for (let i = 0; i < 3; i++) assert.equal(tweetOfTheDay(tweetsOf(140), "2026-11-26")?.number, first.number);
  });

  it("changes from one day to the next", () => {
    const tweets = tweetsOf(140);
    assert.notEqual(tweetOfTheDay(tweets, "2026-11-26")?.number, tweetOfTheDay(tweets, "2026-11-27")?.number);
  });

  it("shows every tweet exactly once in N consecutive days", () => {
    for (const count of [1, 5, 140, 141]) {
      const tweets = tweetsOf(count);
      const seen = new Set<number>();
      for (let offset = 0; offset < count; offset++) seen.add(tweetOfTheDay(tweets, addDays("2026-03-01", offset))!.number);
      assert.equal(seen.size, count, `count ${count}`);
    }
  });

  it("does not walk through the tweets in order, so consecutive days differ in topic", () => {
    const tweets = tweetsOf(140);
    const a = tweetOfTheDay(tweets, "2026-11-26")!.number;
    const b = tweetOfTheDay(tweets, "2026-11-27")!.number;
    assert.ok(Math.abs(a - b) > 10, `${a} then ${b}`);
  });

  it("is undefined when there are no tweets", () => {
    assert.equal(tweetOfTheDay([], "2026-11-26"), undefined);
    assert.deepEqual(dailyTweets([], "2026-11-26", OPTIONS), []);
  });

  it("works for days before 1970, repeating every N days", () => {
    assert.equal(tweetOfTheDay(tweetsOf(7), "1969-07-20")?.number, tweetOfTheDay(tweetsOf(7), "1969-07-27")?.number);
  });
});

describe("day arithmetic", () => {
  it("counts days from the epoch and steps over month and year ends", () => {
    assert.equal(dayNumber("1970-01-02"), 1);
    assert.equal(addDays("2026-03-01", -1), "2026-02-28");
    assert.equal(addDays("2024-12-31", 1), "2025-01-01");
    assert.throws(() => dayNumber("26.11.2026"), /YYYY-MM-DD/);
  });

  it("picks a step coprime with the count", () => {
    assert.equal(dailyStep(140), 87);
    assert.equal(dailyStep(1), 1);
  });

  it("finds the start of a day in a time zone, across daylight saving changes", () => {
    assert.equal(startOfDay("2026-11-26", "America/Chicago").toISOString(), "2026-11-26T06:00:00.000Z");
    assert.equal(startOfDay("2026-07-01", "America/Chicago").toISOString(), "2026-07-01T05:00:00.000Z");
    // Chicago moves its clocks forward at 2:00 on 2026-03-08; midnight is still in winter time.
    assert.equal(startOfDay("2026-03-08", "America/Chicago").toISOString(), "2026-03-08T06:00:00.000Z");
    assert.equal(startOfDay("2026-03-09", "America/Chicago").toISOString(), "2026-03-09T05:00:00.000Z");
    assert.equal(startOfDay("2026-11-26", "Asia/Kolkata").toISOString(), "2026-11-25T18:30:00.000Z");
    assert.equal(startOfDay("2026-11-26", "UTC").toISOString(), "2026-11-26T00:00:00.000Z");
  });
});

describe("dailyTweets", () => {
  it("lists the last 30 days newest first, today's tweet first", () => {
    const tweets = tweetsOf(140);
    const entries = dailyTweets(tweets, "2026-11-26", OPTIONS);
    assert.equal(entries.length, 30);
    assert.equal(entries[0]!.day, "2026-11-26");
    assert.equal(entries[29]!.day, "2026-10-28");
    assert.equal(entries[0]!.tweet.number, tweetOfTheDay(tweets, "2026-11-26")!.number);
    for (let i = 1; i < entries.length; i++) assert.ok(entries[i - 1]!.published > entries[i]!.published, `entry ${i} is older than entry ${i - 1}`);
  });

  it("keeps an entry's id and tweet when a later build lists the same day", () => {
    const tweets = tweetsOf(140);
    const today = dailyTweets(tweets, "2026-11-26", OPTIONS);
    const tomorrow = dailyTweets(tweets, "2026-11-27", OPTIONS);
    assert.deepEqual(tomorrow[1], today[0]);
    assert.equal(today[0]!.id, "tag:blog.example.com,2026-11-26:tweet-of-the-day");
    assert.equal(new Set(today.map((e) => e.id)).size, 30);
  });

  it("names ids after the site's host only", () => {
    assert.equal(dailyTweetId(new URL("https://example.org/blog").hostname, "2026-01-02"), "tag:example.org,2026-01-02:tweet-of-the-day");
    assert.equal(dailyTweets(tweetsOf(3), "2026-01-02", { ...OPTIONS, siteUrl: "https://example.org/blog", days: 2 })[1]!.id, "tag:example.org,2026-01-01:tweet-of-the-day");
  });
});
