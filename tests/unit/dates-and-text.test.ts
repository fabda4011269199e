import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { dayInTimeZone, parseCalendarDate } from "../../lib/content/dates.ts";
import { graphemeLength, readingMinutes, truncateAtWord } from "../../lib/content/text.ts";
import { htmlDateString, readableDate, rfc3339 } from "../../lib/filters/dates.ts";
import { countWords } from "../../lib/markdown/index.ts";

describe("calendar dates", () => {
  it("parses a bare day as midnight UTC", () => {
    assert.equal(parseCalendarDate("2024-02-29")?.date.toISOString(), "2024-02-29T00:00:00.000Z");
  });
  it("parses a day with a time and an offset", () => {
    assert.equal(parseCalendarDate("2024-03-01 09:30+02:00")?.date.toISOString(), "2024-03-01T07:30:00.000Z");
  });
  it("refuses days that do not exist instead of rolling them over", () => {
    for (const text of ["2024-02-30", "2023-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "2024-01-01 25:00"]) {
      assert.equal(parseCalendarDate(text), undefined, text);
    }
  });
  it("gives the day of an instant in a time zone", () => {
    const instant = new Date("2026-11-26T03:00:00Z");
    assert.equal(dayInTimeZone(instant, "UTC"), "2026-11-26");
    assert.equal(dayInTimeZone(instant, "America/Chicago"), "2026-11-25");
  });
});

describe("text measures", () => {
  it("counts an emoji with modifiers as one character", () => {
    assert.equal(graphemeLength("👩🏽‍💻 ok"), 4);
  });
  it("cuts at a word boundary and adds an ellipsis", () => {
    assert.equal(truncateAtWord("one two three four", 12), "one two…");
    assert.equal(truncateAtWord("short", 12), "short");
  });
  it("needs at least a minute to read anything", () => {
    assert.equal(readingMinutes(0), 1);
    assert.equal(readingMinutes(460), 2);
  });
});

describe("date filters", () => {
  const day = new Date("2024-02-29T00:00:00Z");
  it("formats a post date for readers in UTC, whatever the machine's zone", () => {
    assert.equal(readableDate(day), "February 29, 2024");
  });
  it("formats machine-readable dates", () => {
    assert.equal(htmlDateString(day), "2024-02-29");
    assert.equal(rfc3339(day), "2024-02-29T00:00:00Z");
  });
});

describe("countWords", () => {
  it("counts runs of letters and digits, keeping apostrophes and hyphens inside a word", () => {
    assert.equal(countWords("Don't wait for the follow-up; send it in 24 hours."), 10);
  });

  it("counts words in any script, and letters outside the basic plane", () => {
    assert.equal(countWords("Ça marche, naïve café — 東京 𝐀𝐁 ok"), 7);
  });

  it("does not count punctuation, dashes or quotes standing alone", () => {
    assert.equal(countWords(" - ' ’ … — 'quoted' -dash-"), 2);
  });

  it("agrees with the Unicode word pattern it replaces", () => {
    const sample = "Tweet 128 says: “Ask for feedback early.” It’s the mentor's rule — re-read it, twice! ½ ① x²";
    const expected = [...sample.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].length;
    assert.equal(countWords(sample), expected);
  });
});
