import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { formatProblem } from "../../lib/problems.ts";
import { validateSiteSettings } from "../../lib/site/settings.ts";
import { parseJsonSource, parseYamlSource } from "../../lib/yaml-source.ts";

const FILE = "_data/site.json";
const valid = {
  title: "Blog",
  description: "About careers.",
  url: "https://blog.example.com",
  language: "en",
  timezone: "America/Chicago",
  author: { name: "Dana", bio: "Coach.", signature: "Dana" },
  ps: "Free books.",
};

function check(settings: unknown) {
  const source = parseYamlSource(JSON.stringify(settings, null, 2), FILE);
  const { settings: result, problems } = validateSiteSettings(source, FILE);
  return { result, messages: problems.map(formatProblem) };
}

describe("site settings", () => {
  it("accepts complete settings and defaults to ten posts a page", () => {
    const { result, messages } = check(valid);
    assert.deepEqual(messages, []);
    assert.equal(result?.postsPerPage, 10);
  });

  it("names the line of each wrong setting, all at once", () => {
    const { messages } = check({ ...valid, url: "https://blog.example.com/", timezone: "Mars/Olympus", author: { ...valid.author, name: "" } });
    assert.deepEqual(messages, [
      `${FILE}:4: url must have no trailing slash, query or fragment`,
      `${FILE}:6: timezone must be an IANA time zone, like "America/Chicago"`,
      `${FILE}:8: author.name must not be empty`,
    ]);
  });

  it("says which required setting is missing", () => {
    const { title: _omitted, ...rest } = valid;
    void _omitted;
    assert.deepEqual(check(rest).messages, [`${FILE}:1: title is missing`]);
  });

  it("suggests the setting an author probably meant", () => {
    assert.deepEqual(check({ ...valid, descripton: "x" }).messages, [`${FILE}:13: unknown setting "descripton": did you mean "description"?`]);
  });

  it("reports a JSON syntax error with its line", () => {
    const source = parseJsonSource('{\n  "title": "x",\n  "url": \n}', FILE);
    assert.equal(source.problems.length, 1);
    assert.match(formatProblem(source.problems[0]!), /^_data\/site\.json:4: JSON syntax error: /);
  });
});
