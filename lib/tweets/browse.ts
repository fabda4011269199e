// How readers browse the tweets: by topic on /tweets/, and one after another
// on each tweet's page.
import type { Tweet, TweetTopic } from "./schema.ts";

export interface TopicGroup {
  topic: TweetTopic;
  /** Anchor of the topic's section on /tweets/. */
  anchor: string;
  tweets: Tweet[];
}

export function topicAnchor(topicId: string): string {
  return `topic-${topicId}`;
}

/** Where a topic's tweets are listed: its section of /tweets/. */
export function topicUrl(topicId: string): string {
  return `/tweets/#${topicAnchor(topicId)}`;
}

/** Tweets grouped by topic, topics in declared order; topics without tweets are left out. */
export function tweetsByTopic(tweets: readonly Tweet[], topics: readonly TweetTopic[]): TopicGroup[] {
  const groups = new Map(topics.map((topic) => [topic.id, { topic, anchor: topicAnchor(topic.id), tweets: [] as Tweet[] }]));
  for (const tweet of tweets) groups.get(tweet.topic)?.tweets.push(tweet);
  return [...groups.values()].filter((group) => group.tweets.length > 0);
}

export interface TweetNeighbours {
  previous: Tweet | undefined;
  next: Tweet | undefined;
}

/** The tweets numbered one below and one above; numbers run 1..N, so no search is needed. */
export function tweetNeighbours(byNumber: ReadonlyMap<number, Tweet>, number: number): TweetNeighbours {
  return { previous: byNumber.get(number - 1), next: byNumber.get(number + 1) };
}

export function tweetUrl(number: number): string {
  return `/tweets/${number}/`;
}

/** A tweet page's title and description; link previews show the tweet itself. */
export function tweetPageHead(tweet: Tweet): { title: string; socialTitle: string; description: string } {
  return { title: `Success Tweet ${tweet.number}`, socialTitle: tweet.text, description: tweet.text };
}
