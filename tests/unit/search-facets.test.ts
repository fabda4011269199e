import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { parseHTML } from "linkedom";

import { searchFacets, searchMetaHtml, UNDATED_SORT_KEY } from "../../lib/search/facets.ts";

const values = (fields: Array<{ name: string; value: string }>, name: string) =>
  fields.filter((field) => field.name === name).map((field) => field.value);

describe("searchFacets", () => {
  it("filters a post by type, year and each of its tags, once each", () => {
    const facets = searchFacets({
      type: "post",
      date: new Date("2023-01-24T00:00:00Z"),
      tags: [{ name: "career-change" }, { name: "learning" }, { name: "learning" }],
    });
    assert.deepEqual(values(facets.filters, "type"), ["post"]);
    assert.deepEqual(values(facets.filters, "year"), ["2023"]);
    assert.deepEqual(values(facets.filters, "tag"), ["career-change", "learning"]);
  });

  it("sorts a dated page by its day and gives results its type label and readable date", () => {
    const facets = searchFacets({ type: "post", date: new Date("2019-09-24T00:00:00Z") }, "en");
    assert.deepEqual(facets.sort, [{ name: "date", value: "2019-09-24" }]);
    assert.deepEqual(values(facets.meta, "type"), ["Post"]);
    assert.deepEqual(values(facets.meta, "date"), ["2019-09-24"]);
    assert.deepEqual(values(facets.meta, "date_label"), ["September 24, 2019"]);
  });

  it("gives an undated page a sort key that puts it last instead of out of sorted results", () => {
    const facets = searchFacets({ type: "page" });
    assert.deepEqual(facets.sort, [{ name: "date", value: UNDATED_SORT_KEY }]);
    assert.ok(UNDATED_SORT_KEY < "0001-01-01");
    assert.deepEqual(values(facets.filters, "year"), []);
    assert.deepEqual(values(facets.meta, "date"), []);
  });

  it("accepts tags as plain names, as tweets carry them", () => {
    const facets = searchFacets({ type: "tweet", tags: ["networking"] });
    assert.deepEqual(values(facets.filters, "type"), ["tweet"]);
    assert.deepEqual(values(facets.filters, "tag"), ["networking"]);
    assert.deepEqual(values(facets.meta, "type"), ["Tweet"]);
  });
});

describe("searchMetaHtml", () => {
  it("hands every facet to Pagefind in a hidden region it ignores as text, escaping names and values", () => {
    const { document } = parseHTML(searchMetaHtml(searchFacets({ type: "tweet", tags: [`"quoted" <b>tag</b>`] })));
    const region = document.querySelector("div.search-meta[hidden][data-pagefind-ignore]");
    assert.ok(region);
    assert.equal(region.querySelectorAll("b").length, 0);
    assert.equal(region.querySelector('[data-pagefind-filter="tag"]')?.textContent, `"quoted" <b>tag</b>`);
    assert.equal(region.querySelector('[data-pagefind-filter="type"]')?.textContent, "tweet");
    assert.equal(region.querySelector('[data-pagefind-meta="type"]')?.textContent, "Tweet");
    assert.equal(region.querySelector('[data-pagefind-sort="date"]')?.textContent, UNDATED_SORT_KEY);
  });
});
