import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { validateFrontMatter } from "../../lib/content/front-matter.ts";
import { formatProblem } from "../../lib/problems.ts";
import { parseYamlSource } from "../../lib/yaml-source.ts";

const FILE = "posts/2024/foo.md";

/** Validates front matter text as if it sat in a post file starting at line 2. */
function check(yaml: string) {
  const source = parseYamlSource(yaml, FILE, 2);
  if (source.problems.length > 0) return { data: undefined, messages: source.problems.map(formatProblem) };
  const { data, problems } = validateFrontMatter(source, FILE);
  return { data, messages: problems.map(formatProblem) };
}

describe("post front matter", () => {
  it("accepts a minimal post and fills in the defaults", () => {
    const { data, messages } = check("title: Hello\ndate: 2024-02-29\n");
    assert.deepEqual(messages, []);
    assert.equal(data?.title, "Hello");
    assert.equal(data?.date.day, "2024-02-29");
    assert.deepEqual(data?.tags, []);
    assert.equal(data?.draft, false);
    assert.equal(data?.comments, true);
  });

  it("rejects a date that is not on the calendar, quoted or not, naming its line", () => {
    assert.deepEqual(check("title: A\ndate: 2024-02-30\n").messages, [
      `${FILE}:3: date "2024-02-30" is not a real calendar date`,
    ]);
    assert.deepEqual(check("title: A\ndate: \"2023-02-29\"\n").messages, [
      `${FILE}:3: date "2023-02-29" is not a real calendar date`,
    ]);
  });

  it("rejects a date in another format and says how to write it", () => {
    assert.deepEqual(check("title: A\ndate: 03/04/2024\n").messages, [
      `${FILE}:3: date "03/04/2024" is not a date: write it as YYYY-MM-DD`,
    ]);
  });

  it("reports a missing or empty title", () => {
    assert.deepEqual(check("date: 2024-01-01\n").messages, [`${FILE}:1: title is missing: add a title: line`]);
    assert.deepEqual(check("title: \"  \"\ndate: 2024-01-01\n").messages, [`${FILE}:2: title must not be empty`]);
  });

  it("accepts only true or false for draft", () => {
    assert.deepEqual(check("title: A\ndate: 2024-01-01\ndraft: no\n").messages, [`${FILE}:4: draft must be true or false`]);
    assert.equal(check("title: A\ndate: 2024-01-01\ndraft: true\n").data?.draft, true);
  });

  it("suggests the key an author probably meant", () => {
    assert.deepEqual(check("tittle: A\ntitle: B\ndate: 2024-01-01\n").messages, [
      `${FILE}:2: unknown key "tittle": did you mean "title"?`,
    ]);
  });

  it("rejects an updated date before the post's date", () => {
    assert.deepEqual(check("title: A\ndate: 2024-05-01\nupdated: 2024-04-30\n").messages, [
      `${FILE}:4: updated 2024-04-30 is before date 2024-05-01: an update cannot precede the post`,
    ]);
  });

  it("requires imageAlt with an image", () => {
    assert.deepEqual(check("title: A\ndate: 2024-05-01\nimage: /assets/images/x.jpg\n").messages, [
      `${FILE}:4: image needs imageAlt: describe the picture for readers who cannot see it`,
    ]);
  });

  it("reports wrong types for lists and descriptions that are too long, all at once", () => {
    const long = "x".repeat(201);
    const { messages } = check(`title: A\ndate: 2024-05-01\ntags: networking\ndescription: ${long}\ntweets: [1, 2.5]\n`);
    assert.deepEqual(messages.sort(), [
      `${FILE}:4: tags must be a list, like [networking, interviews]`,
      `${FILE}:5: description is longer than 200 characters: shorten it`,
      `${FILE}:6: a tweet number must be a whole number`,
    ].sort());
  });

  it("counts description length in characters a reader sees", () => {
    const emoji = "👩🏽‍💻".repeat(200);
    assert.deepEqual(check(`title: A\ndate: 2024-05-01\ndescription: "${emoji}"\n`).messages, []);
  });

  it("rejects a tab in the YAML with its line", () => {
    assert.deepEqual(check("title: A\ndate: 2024-05-01\ntags:\n\t- x\n").messages, [
      `${FILE}:5: a tab character in the YAML: indent and separate with spaces only`,
    ]);
  });

  it("rejects slugs and aliases that cannot be URLs", () => {
    const { messages } = check("title: A\ndate: 2024-05-01\nslug: Not A Slug\naliases: [old-post]\n");
    assert.deepEqual(messages.sort(), [
      `${FILE}:4: slug may hold only lowercase letters, digits and single hyphens, like my-first-post`,
      `${FILE}:5: an alias must be a path on this site starting with /, like /2019/05/old-post/ or /?p=123`,
    ].sort());
  });
});
