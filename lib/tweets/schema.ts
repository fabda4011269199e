// The Success Tweets data file: the numbered one-line tips of the mentor's book.
// Validated as a whole so an author sees every problem, with its line, at once.
import { graphemeLength } from "../content/text.ts";
import { suggestKey, type Problem } from "../problems.ts";
import type { YamlSource } from "../yaml-source.ts";

export const TWEET_MAX_LENGTH = 140;

export interface Tweet {
  number: number;
  text: string;
  /** Id of a topic declared in `_data/tweetTopics.yaml`. */
  topic: string;
}

export interface TweetTopic {
  id: string;
  name: string;
  description: string;
}

const TWEET_KEYS = ["number", "text", "topic"];
const TOPIC_KEYS = ["id", "name", "description"];
const HTML_TAG = /<\/?[a-z][^>]*>|<!--|&[a-z]+;|&#\d+;/i;

function unknownKeys(entry: Record<string, unknown>, known: string[], source: YamlSource, index: number, file: string): Problem[] {
  return Object.keys(entry)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const suggestion = suggestKey(key, known);
      return {
        file,
        line: source.keyLineOf([index, key]),
        message: suggestion
          ? `unknown key "${key}": did you mean "${suggestion}"?`
          : `unknown key "${key}": an entry has only ${known.join(", ")}`,
      };
    });
}

/** Validates the topics file: a list of `{ id, name, description }`. */
export function validateTopics(source: YamlSource, file: string): { topics: TweetTopic[]; problems: Problem[] } {
  const problems: Problem[] = [...source.problems];
  const topics: TweetTopic[] = [];
  if (problems.length > 0) return { topics, problems };
  if (!Array.isArray(source.value)) {
    return { topics, problems: [{ file, line: 1, message: "the topics file must be a list of { id, name, description }" }] };
  }
  const seen = new Set<string>();
  source.value.forEach((entry: unknown, index) => {
    const line = source.lineOf([index]);
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      problems.push({ file, line, message: "a topic must be a mapping with id, name and description" });
      return;
    }
    const record = entry as Record<string, unknown>;
    problems.push(...unknownKeys(record, TOPIC_KEYS, source, index, file));
    const { id, name, description } = record;
    if (typeof id !== "string" || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      problems.push({ file, line: source.lineOf([index, "id"]), message: "a topic id must be lowercase words joined by hyphens, like first-90-days" });
      return;
    }
    if (seen.has(id)) problems.push({ file, line: source.lineOf([index, "id"]), message: `topic "${id}" is declared twice` });
    seen.add(id);
    if (typeof name !== "string" || !name.trim()) {
      problems.push({ file, line: source.lineOf([index, "name"]), message: `topic "${id}" needs a name` });
      return;
    }
    topics.push({ id, name, description: typeof description === "string" ? description : "" });
  });
  return { topics, problems };
}

/**
 * Validates the tweets file against the declared topics. Numbers must run
 * 1..N without gaps or repeats, where N is the number of entries.
 */
export function validateTweets(
  source: YamlSource,
  file: string,
  topicIds: readonly string[],
): { tweets: Tweet[]; problems: Problem[] } {
  const problems: Problem[] = [...source.problems];
  const tweets: Tweet[] = [];
  if (problems.length > 0) return { tweets, problems };
  if (!Array.isArray(source.value)) {
    return { tweets, problems: [{ file, line: 1, message: "the tweets file must be a list of { number, text, topic }" }] };
  }
  const entries = source.value as unknown[];
  const count = entries.length;
  const firstLineOfNumber = new Map<number, number>();

  entries.forEach((entry, index) => {
    const line = source.lineOf([index]);
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      problems.push({ file, line, message: "a tweet must be a mapping with number, text and topic" });
      return;
    }
    const record = entry as Record<string, unknown>;
    problems.push(...unknownKeys(record, TWEET_KEYS, source, index, file));
    let valid = true;

    const numberLine = source.lineOf([index, "number"]);
    const raw = source.rawScalar([index, "number"]);
    const number = record.number;
    if (number === undefined) {
      problems.push({ file, line, message: "a tweet needs a number" });
      valid = false;
    } else if (typeof number !== "number" || !Number.isInteger(number)) {
      problems.push({ file, line: numberLine, message: `tweet number "${raw ?? String(number)}" is not a whole number` });
      valid = false;
    } else if (number < 1 || number > count) {
      problems.push({ file, line: numberLine, message: `tweet number ${number} is out of range: numbers run 1..${count}, one per tweet` });
      valid = false;
    } else if (firstLineOfNumber.has(number)) {
      problems.push({ file, line: numberLine, message: `tweet number ${number} is used twice (first on line ${firstLineOfNumber.get(number)})` });
      valid = false;
    } else {
      firstLineOfNumber.set(number, numberLine);
    }

    const text = record.text;
    const textLine = source.lineOf([index, "text"]);
    const label = typeof number === "number" ? `tweet ${number}` : "this tweet";
    if (typeof text !== "string" || !text.trim()) {
      problems.push({ file, line: text === undefined ? line : textLine, message: `${label} needs text` });
      valid = false;
    } else {
      const length = graphemeLength(text.trim());
      if (length > TWEET_MAX_LENGTH) {
        problems.push({ file, line: textLine, message: `${label} is ${length} characters long: a tweet has at most ${TWEET_MAX_LENGTH}` });
        valid = false;
      }
      if (HTML_TAG.test(text)) {
        problems.push({ file, line: textLine, message: `${label} contains HTML: tweets are plain text, write the words without tags or entities` });
        valid = false;
      }
    }

    const topic = record.topic;
    const topicLine = source.lineOf([index, "topic"]);
    if (typeof topic !== "string" || !topicIds.includes(topic)) {
      const suggestion = typeof topic === "string" ? suggestKey(topic, topicIds) : undefined;
      problems.push({
        file,
        line: topic === undefined ? line : topicLine,
        message:
          topic === undefined
            ? `${label} needs a topic`
            : `${label} has unknown topic "${String(topic)}"${suggestion ? `: did you mean "${suggestion}"?` : `: declared topics are ${topicIds.join(", ")}`}`,
      });
      valid = false;
    }

    if (valid) tweets.push({ number: number as number, text: (text as string).trim(), topic: topic as string });
  });

  const missing: number[] = [];
  for (let n = 1; n <= count; n++) if (!firstLineOfNumber.has(n)) missing.push(n);
  const outOfRange = problems.some((p) => p.message.includes("out of range") || p.message.includes("not a whole number") || p.message.includes("used twice"));
  if (missing.length > 0 && !outOfRange) {
    problems.push({ file, line: 1, message: `tweet numbers have a gap: ${missing.join(", ")} missing` });
  } else if (missing.length > 0) {
    problems.push({ file, line: 1, message: `tweet numbers must run 1..${count} without gaps: ${missing.join(", ")} missing` });
  }

  tweets.sort((a, b) => a.number - b.number);
  return { tweets, problems };
}
