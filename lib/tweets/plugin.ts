// Registers the Success Tweets helpers the tweet pages, the home page and the
// daily feed use. The tweets themselves are validated by the content plugin
// and reach templates as `blog.tweets`, `blog.topics` and `blog.tweetsByNumber`.
import type UserConfig from "@11ty/eleventy/UserConfig";

import { topicUrl, tweetNeighbours, tweetsByTopic, tweetUrl } from "./browse.ts";
import { dailyTweets, tweetOfTheDay } from "./daily.ts";
import type { Tweet, TweetTopic } from "./schema.ts";

export default function tweetsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addFilter("tweetOfTheDay", (tweets: readonly Tweet[], day: string) => tweetOfTheDay(tweets, day));
  eleventyConfig.addFilter("dailyTweets", (tweets: readonly Tweet[], today: string, siteUrl: string, timeZone: string) =>
    dailyTweets(tweets, today, { siteUrl, timeZone }),
  );
  eleventyConfig.addFilter("tweetsByTopic", tweetsByTopic);
  eleventyConfig.addFilter("tweetNeighbours", tweetNeighbours);
  eleventyConfig.addFilter("tweetUrl", tweetUrl);
  eleventyConfig.addFilter("topicUrl", topicUrl);
  eleventyConfig.addFilter("topicById", (topics: readonly TweetTopic[], id: string) => topics.find((topic) => topic.id === id));
}
