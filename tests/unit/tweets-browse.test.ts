// Browsing tweets: grouped by topic for /tweets/, and neighbours for each tweet page.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { topicUrl, tweetNeighbours, tweetPageHead, tweetsByTopic, tweetUrl } from "../../lib/tweets/browse.ts";
import type { Tweet, TweetTopic } from "../../lib/tweets/schema.ts";

const TOPICS: TweetTopic[] = [
  { id: "networking", name: "Networking", description: "" },
  { id: "feedback", name: "Feedback", description: "" },
  { id: "resilience", name: "Resilience", description: "" },
];
const TWEETS: Tweet[] = [
  { number: 1, text: "One.", topic: "feedback" },
  { number: 2, text: "Two.", topic: "networking" },
  { number: 3, text: "Three.", topic: "feedback" },
];

describe("tweetsByTopic", () => {
  it("groups tweets under their topics in declared order, keeps tweet order, and skips empty topics", () => {
    const groups = tweetsByTopic(TWEETS, TOPICS);
    assert.deepEqual(
      groups.map((g) => [g.topic.id, g.anchor, g.tweets.map((t) => t.number)]),
      [
        ["networking", "topic-networking", [2]],
        ["feedback", "topic-feedback", [1, 3]],
      ],
    );
  });
});

describe("tweetNeighbours", () => {
  const byNumber = new Map(TWEETS.map((t) => [t.number, t]));

  it("gives the previous and next tweet by number", () => {
    const { previous, next } = tweetNeighbours(byNumber, 2);
    assert.equal(previous?.number, 1);
    assert.equal(next?.number, 3);
  });

  it("has no previous tweet for the first and no next for the last", () => {
    assert.equal(tweetNeighbours(byNumber, 1).previous, undefined);
    assert.equal(tweetNeighbours(byNumber, 3).next, undefined);
  });
});

describe("tweet and topic URLs", () => {
  it("puts each tweet at /tweets/<n>/ and each topic at its section of /tweets/", () => {
    assert.equal(tweetUrl(128), "/tweets/128/");
    assert.equal(topicUrl("first-90-days"), "/tweets/#topic-first-90-days");
  });
});

describe("tweetPageHead", () => {
  it("titles a tweet page by number and quotes the tweet, as written, for its description and link previews", () => {
    const tweet: Tweet = { number: 7, text: "Ask for <feedback> & act on it.", topic: "growth" };
    assert.deepEqual(tweetPageHead(tweet), { title: "Success Tweet 7", socialTitle: tweet.text, description: tweet.text });
  });
});
