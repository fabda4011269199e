// The tweets file is validated as a whole: every bad entry is reported in one
// run, at the line an author has to fix, with what to do about it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Problem } from "../../lib/problems.ts";
import { validateTopics, validateTweets, type Tweet } from "../../lib/tweets/schema.ts";
import { parseYamlSource } from "../../lib/yaml-source.ts";

const FILE = "_data/tweets.yaml";
const TOPICS = ["networking", "interviews", "feedback"];

interface Entry {
  number: string;
  text?: string;
  topic?: string;
}

/** A tweets file with one `- number:` / `  text:` / `  topic:` block per entry, three lines each. */
function tweetsYaml(entries: Entry[]): string {
  return entries
    .map((e) => [`- number: ${e.number}`, `  text: ${JSON.stringify(e.text ?? `Tip number ${e.number}.`)}`, `  topic: ${e.topic ?? "networking"}`].join("\n"))
    .join("\n");
}

/** Entries numbered 1..count, with some replaced. */
function entries(count: number, replace: Record<number, Partial<Entry>> = {}): Entry[] {
  return Array.from({ length: count }, (_, i) => ({ number: String(i + 1), ...replace[i + 1] }));
}

/** Line of the `number:` key of the entry at 1-based position `position`. */
const numberLine = (position: number) => (position - 1) * 3 + 1;
const textLine = (position: number) => numberLine(position) + 1;
const topicLine = (position: number) => numberLine(position) + 2;

function validate(yaml: string): { tweets: Tweet[]; problems: Problem[] } {
  return validateTweets(parseYamlSource(yaml, FILE), FILE, TOPICS);
}

function only(problems: Problem[]): Problem {
  assert.equal(problems.length, 1, `expected one problem, got ${JSON.stringify(problems, null, 2)}`);
  return problems[0]!;
}

describe("validateTweets", () => {
  it("accepts tweets numbered 1..N and returns them sorted by number", () => {
    const yaml = tweetsYaml([{ number: "2" }, { number: "1", topic: "interviews" }, { number: "3" }]);
    const { tweets, problems } = validate(yaml);
    assert.deepEqual(problems, []);
    assert.deepEqual(tweets.map((t) => [t.number, t.topic]), [[1, "interviews"], [2, "networking"], [3, "networking"]]);
  });

  it("rejects number 0 as out of range, and reports the number left unused", () => {
    const { problems } = validate(tweetsYaml(entries(5, { 2: { number: "0" } })));
    assert.deepEqual(problems, [
      { file: FILE, line: numberLine(2), message: "tweet number 0 is out of range: the file has 5 tweets, so numbers run 1..5" },
      { file: FILE, line: numberLine(1), message: "tweet number 2 is missing: numbers run 1..5 without gaps, so renumber the tweets or fix the number that is wrong" },
    ]);
  });

  it("rejects a negative number as out of range", () => {
    const problem = validate(tweetsYaml(entries(5, { 3: { number: "-1" } }))).problems[0]!;
    assert.deepEqual(problem, { file: FILE, line: numberLine(3), message: "tweet number -1 is out of range: the file has 5 tweets, so numbers run 1..5" });
  });

  it("rejects 1.5 as not a whole number, quoting it as written", () => {
    const problem = validate(tweetsYaml(entries(5, { 4: { number: "1.5" } }))).problems[0]!;
    assert.deepEqual(problem, { file: FILE, line: numberLine(4), message: 'tweet number "1.5" is not a whole number: write digits only, like number: 12' });
  });

  it('rejects "12a" as not a whole number', () => {
    const problem = validate(tweetsYaml(entries(5, { 5: { number: "12a" } }))).problems[0]!;
    assert.deepEqual(problem, { file: FILE, line: numberLine(5), message: 'tweet number "12a" is not a whole number: write digits only, like number: 12' });
  });

  it("rejects 141 in a file of 140 tweets", () => {
    const { problems } = validate(tweetsYaml(entries(140, { 140: { number: "141" } })));
    assert.deepEqual(problems, [
      { file: FILE, line: numberLine(140), message: "tweet number 141 is out of range: the file has 140 tweets, so numbers run 1..140" },
      { file: FILE, line: numberLine(139), message: "tweet number 140 is missing: numbers run 1..140 without gaps, so renumber the tweets or fix the number that is wrong" },
    ]);
  });

  it("rejects a duplicate number, naming the line of its first use", () => {
    const { problems } = validate(tweetsYaml(entries(5, { 4: { number: "2" } })));
    assert.deepEqual(problems[0], {
      file: FILE,
      line: numberLine(4),
      message: "tweet number 2 is used twice (first on line 4): give each tweet its own number",
    });
  });

  it("reports a gap once per run of missing numbers, at the tweet before the gap", () => {
    // Eight tweets: 3 and 8 are missing, because 9 and 10 are out of range.
    const yaml = tweetsYaml(["1", "4", "5", "2", "6", "9", "7", "10"].map((number) => ({ number })));
    const gaps = validate(yaml).problems.filter((p) => p.message.includes("missing"));
    assert.deepEqual(gaps, [
      { file: FILE, line: numberLine(4), message: "tweet number 3 is missing: numbers run 1..8 without gaps, so renumber the tweets or fix the number that is wrong" },
      { file: FILE, line: numberLine(7), message: "tweet number 8 is missing: numbers run 1..8 without gaps, so renumber the tweets or fix the number that is wrong" },
    ]);
  });

  it("names a run of several missing numbers as a range", () => {
    const yaml = tweetsYaml([{ number: "1" }, { number: "2" }, { number: "6" }, { number: "7" }, { number: "8" }]);
    const gap = validate(yaml).problems.find((p) => p.message.includes("missing"));
    assert.deepEqual(gap, {
      file: FILE,
      line: numberLine(2),
      message: "tweet numbers 3..5 are missing: numbers run 1..5 without gaps, so renumber the tweets or fix the number that is wrong",
    });
  });

  it("rejects a tweet of 141 characters and says how much to cut", () => {
    const problem = only(validate(tweetsYaml(entries(3, { 2: { text: "a".repeat(141) } }))).problems);
    assert.deepEqual(problem, { file: FILE, line: textLine(2), message: "tweet 2 is 141 characters long: a tweet has at most 140, shorten it by 1" });
  });

  it("accepts a tweet of exactly 140 characters", () => {
    assert.deepEqual(validate(tweetsYaml(entries(3, { 2: { text: "a".repeat(140) } }))).problems, []);
  });

  it("counts an emoji as one character, as a reader sees it", () => {
    // Each of these is one grapheme made of several code points: a family, a flag, a thumb with skin tone.
    const text = `${"a".repeat(137)}👨‍👩‍👧🇨🇦👍🏽`;
    assert.ok(text.length > 140, "the text is longer than 140 UTF-16 code units");
    const { tweets, problems } = validate(tweetsYaml(entries(1, { 1: { text } })));
    assert.deepEqual(problems, []);
    assert.equal(tweets[0]!.text, text);
    const tooLong = only(validate(tweetsYaml(entries(1, { 1: { text: `${text}👍🏽` } }))).problems);
    assert.equal(tooLong.message, "tweet 1 is 141 characters long: a tweet has at most 140, shorten it by 1");
  });

  it("rejects HTML tags and entities in a tweet", () => {
    for (const text of ["Say <strong>no</strong> kindly.", "Ask questions &amp; listen.", "Line<br>break", "Hidden <!-- note -->"]) {
      const problem = only(validate(tweetsYaml(entries(2, { 2: { text } }))).problems);
      assert.deepEqual(problem, { file: FILE, line: textLine(2), message: "tweet 2 contains HTML: tweets are plain text, write the words without tags or entities" }, text);
    }
  });

  it("accepts a less-than sign and template braces as plain text", () => {
    const text = "Fewer than 3 < more than 30, and {{ x }} or {% raw %} is just text.";
    const { tweets, problems } = validate(tweetsYaml(entries(1, { 1: { text } })));
    assert.deepEqual(problems, []);
    assert.equal(tweets[0]!.text, text);
  });

  it("rejects empty text and text on several lines", () => {
    const { problems } = validate(tweetsYaml(entries(2, { 1: { text: "  " }, 2: { text: "One line.\nTwo lines." } })));
    assert.deepEqual(problems, [
      { file: FILE, line: textLine(1), message: "tweet 1 needs text: write the tip as a sentence in quotes" },
      { file: FILE, line: textLine(2), message: "tweet 2 spans several lines: a tweet is one line of text" },
    ]);
  });

  it("rejects an unknown topic and suggests the declared one it resembles", () => {
    const problem = only(validate(tweetsYaml(entries(3, { 3: { topic: "netwroking" } }))).problems);
    assert.deepEqual(problem, { file: FILE, line: topicLine(3), message: 'tweet 3 has unknown topic "netwroking": did you mean "networking"?' });
  });

  it("lists the declared topics when an unknown topic resembles none", () => {
    const problem = only(validate(tweetsYaml(entries(1, { 1: { topic: "astronomy" } }))).problems);
    assert.equal(problem.message, 'tweet 1 has unknown topic "astronomy": declare it in _data/tweetTopics.yaml or use one of networking, interviews, feedback');
  });

  it("reports an unknown key with the key it probably meant", () => {
    const yaml = "- number: 1\n  txt: Hello there.\n  topic: feedback\n";
    const { problems } = validate(yaml);
    assert.deepEqual(problems[0], { file: FILE, line: 2, message: 'unknown key "txt": did you mean "text"?' });
  });

  it("reports every problem of the file in one run, each at its own line", () => {
    const yaml = tweetsYaml([
      { number: "1" },
      { number: "0" },
      { number: "3", text: "b".repeat(141) },
      { number: "3", topic: "intervews" },
      { number: "5", text: "<em>Plain</em> text only." },
      { number: "6a" },
    ]);
    const { problems } = validate(yaml);
    assert.deepEqual(
      problems.map((p) => [p.line, p.message]),
      [
        [numberLine(2), "tweet number 0 is out of range: the file has 6 tweets, so numbers run 1..6"],
        [textLine(3), "tweet 3 is 141 characters long: a tweet has at most 140, shorten it by 1"],
        [numberLine(4), "tweet number 3 is used twice (first on line 7): give each tweet its own number"],
        [topicLine(4), 'tweet 3 has unknown topic "intervews": did you mean "interviews"?'],
        [textLine(5), "tweet 5 contains HTML: tweets are plain text, write the words without tags or entities"],
        [numberLine(6), 'tweet number "6a" is not a whole number: write digits only, like number: 12'],
        [numberLine(1), "tweet number 2 is missing: numbers run 1..6 without gaps, so renumber the tweets or fix the number that is wrong"],
        [numberLine(3), "tweet number 4 is missing: numbers run 1..6 without gaps, so renumber the tweets or fix the number that is wrong"],
        [numberLine(5), "tweet number 6 is missing: numbers run 1..6 without gaps, so renumber the tweets or fix the number that is wrong"],
      ],
    );
  });

  it("reports a YAML syntax error at its line instead of validating", () => {
    // Quotes inside a double-quoted tweet are the likeliest slip in this file.
    const yaml = '- number: 1\n  text: Fine.\n  topic: networking\n- number: 2\n  text: "Say "no" kindly."\n  topic: feedback\n';
    const { tweets, problems } = validate(yaml);
    assert.deepEqual(tweets, []);
    assert.deepEqual(problems, [{ file: FILE, line: 5, message: "YAML syntax error: Unexpected scalar at node end" }]);
  });

  it("rejects a file that is not a list", () => {
    assert.deepEqual(validate("number: 1\ntext: Hi\n").problems, [{ file: FILE, line: 1, message: "the tweets file must be a list of { number, text, topic }" }]);
  });
});

describe("validateTopics", () => {
  it("rejects a topic declared twice and an id that is not lowercase words with hyphens", () => {
    const yaml = "- id: networking\n  name: Networking\n- id: networking\n  name: Again\n- id: First Days\n  name: First days\n";
    const { topics, problems } = validateTopics(parseYamlSource(yaml, "_data/tweetTopics.yaml"), "_data/tweetTopics.yaml");
    assert.deepEqual(topics.map((t) => t.id), ["networking"]);
    assert.deepEqual(problems.map((p) => [p.line, p.message]), [
      [3, 'topic "networking" is declared twice: keep one, or give the other its own id'],
      [5, "a topic id must be lowercase words joined by hyphens, like first-90-days"],
    ]);
  });
});
