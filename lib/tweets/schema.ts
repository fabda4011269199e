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
    if (seen.has(id)) {
      problems.push({ file, line: source.lineOf([index, "id"]), message: `topic "${id}" is declared twice: keep one, or give the other its own id` });
      return;
    }
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
 * 1..N without gaps or repeats, where N is the number of entries, so the file
 * reads like the book: adding a tweet means adding the next number.
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
  const lineOfNumber = new Map<number, number>();

  entries.forEach((entry, index) => {
    const line = source.lineOf([index]);
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      problems.push({ file, line, message: "a tweet must be a mapping with number, text and topic" });
      return;
    }
    const record = entry as Record<string, unknown>;
    problems.push(...unknownKeys(record, TWEET_KEYS, source, index, file));
    const before = problems.length;

    const number = checkNumber(record.number, source, index, count, lineOfNumber, file, problems);
    // A repeated number still names the tweet well enough for its other messages.
    const label = Number.isInteger(record.number) ? `tweet ${String(record.number)}` : "this tweet";
    const text = checkText(record.text, source, index, label, file, problems);
    const topic = checkTopic(record.topic, source, index, label, topicIds, file, problems);

    if (problems.length === before) tweets.push({ number: number!, text: text!, topic: topic! });
  });

  problems.push(...gapProblems(count, lineOfNumber, file));
  tweets.sort((a, b) => a.number - b.number);
  return { tweets, problems };
}

function checkNumber(
  number: unknown,
  source: YamlSource,
  index: number,
  count: number,
  lineOfNumber: Map<number, number>,
  file: string,
  problems: Problem[],
): number | undefined {
  const line = source.lineOf([index, "number"]);
  if (number === undefined) {
    problems.push({ file, line: source.lineOf([index]), message: `a tweet needs a number: add number: ${count} (numbers run 1..${count})` });
    return undefined;
  }
  if (typeof number !== "number" || !Number.isInteger(number)) {
    const raw = source.rawScalar([index, "number"]) ?? String(number);
    problems.push({ file, line, message: `tweet number "${raw}" is not a whole number: write digits only, like number: 12` });
    return undefined;
  }
  if (number < 1 || number > count) {
    problems.push({
      file,
      line,
      message: `tweet number ${number} is out of range: the file has ${count} tweets, so numbers run 1..${count}`,
    });
    return undefined;
  }
  const first = lineOfNumber.get(number);
  if (first !== undefined) {
    problems.push({ file, line, message: `tweet number ${number} is used twice (first on line ${first}): give each tweet its own number` });
    return undefined;
  }
  lineOfNumber.set(number, line);
  return number;
}

function checkText(
  text: unknown,
  source: YamlSource,
  index: number,
  label: string,
  file: string,
  problems: Problem[],
): string | undefined {
  if (text === undefined) {
    problems.push({ file, line: source.lineOf([index]), message: `${label} needs text: add a text: line` });
    return undefined;
  }
  const line = source.lineOf([index, "text"]);
  if (typeof text !== "string" || !text.trim()) {
    problems.push({ file, line, message: `${label} needs text: write the tip as a sentence in quotes` });
    return undefined;
  }
  const trimmed = text.trim();
  let valid = true;
  if (trimmed.includes("\n")) {
    problems.push({ file, line, message: `${label} spans several lines: a tweet is one line of text` });
    valid = false;
  }
  const length = graphemeLength(trimmed);
  if (length > TWEET_MAX_LENGTH) {
    problems.push({
      file,
      line,
      message: `${label} is ${length} characters long: a tweet has at most ${TWEET_MAX_LENGTH}, shorten it by ${length - TWEET_MAX_LENGTH}`,
    });
    valid = false;
  }
  if (HTML_TAG.test(trimmed)) {
    problems.push({ file, line, message: `${label} contains HTML: tweets are plain text, write the words without tags or entities` });
    valid = false;
  }
  return valid ? trimmed : undefined;
}

function checkTopic(
  topic: unknown,
  source: YamlSource,
  index: number,
  label: string,
  topicIds: readonly string[],
  file: string,
  problems: Problem[],
): string | undefined {
  if (typeof topic === "string" && topicIds.includes(topic)) return topic;
  if (topic === undefined) {
    problems.push({ file, line: source.lineOf([index]), message: `${label} needs a topic: add topic: with one of ${topicIds.join(", ")}` });
    return undefined;
  }
  const suggestion = typeof topic === "string" ? suggestKey(topic, topicIds) : undefined;
  problems.push({
    file,
    line: source.lineOf([index, "topic"]),
    message: `${label} has unknown topic "${String(topic)}": ${
      suggestion ? `did you mean "${suggestion}"?` : `declare it in _data/tweetTopics.yaml or use one of ${topicIds.join(", ")}`
    }`,
  });
  return undefined;
}

/**
 * One problem per run of missing numbers, on the line of the tweet just before
 * the gap, where the missing tweet belongs.
 */
function gapProblems(count: number, lineOfNumber: ReadonlyMap<number, number>, file: string): Problem[] {
  const problems: Problem[] = [];
  for (let n = 1; n <= count; n++) {
    if (lineOfNumber.has(n)) continue;
    const first = n;
    while (n < count && !lineOfNumber.has(n + 1)) n++;
    const missing = first === n ? `tweet number ${first} is missing` : `tweet numbers ${first}..${n} are missing`;
    problems.push({
      file,
      line: lineOfNumber.get(first - 1) ?? lineOfNumber.get(n + 1) ?? 1,
      message: `${missing}: numbers run 1..${count} without gaps, so renumber the tweets or fix the number that is wrong`,
    });
  }
  return problems;
}
