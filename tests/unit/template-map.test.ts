import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";

import templateMapPlugin, { indexMapLookups, type MapEntry, type TemplateMapLike } from "../../lib/template-map/plugin.ts";

/** Eleventy 3.1's lookup: the first entry whose path is the given one or its absolute form. */
class LinearTemplateMap implements TemplateMapLike {
  map: MapEntry[] = [];
  searches = 0;
  getMapEntryForInputPath(inputPath: string): MapEntry | undefined {
    this.searches++;
    const absolute = path.resolve(inputPath);
    return this.map.find((entry) => entry.inputPath === inputPath || entry.inputPath === absolute);
  }
}

class IndexedTemplateMap extends LinearTemplateMap {}
indexMapLookups(IndexedTemplateMap.prototype);
indexMapLookups(IndexedTemplateMap.prototype);

describe("template map lookups by path", () => {
  it("find the same entries as Eleventy's linear search, without searching", () => {
    const indexed = new IndexedTemplateMap();
    indexed.map.push({ inputPath: "./posts/a.md" }, { inputPath: "./pages/index.njk" }, { inputPath: "./posts/a.md" });
    assert.equal(indexed.getMapEntryForInputPath("./posts/a.md"), indexed.map[0]);
    assert.equal(indexed.getMapEntryForInputPath("./pages/index.njk"), indexed.map[1]);
    assert.equal(indexed.searches, 0);
  });

  it("see entries appended after an earlier lookup", () => {
    const indexed = new IndexedTemplateMap();
    indexed.map.push({ inputPath: "./posts/a.md" });
    assert.equal(indexed.getMapEntryForInputPath("./posts/b.md"), undefined);
    indexed.map.push({ inputPath: "./posts/b.md" });
    assert.equal(indexed.getMapEntryForInputPath("./posts/b.md"), indexed.map[1]);
  });

  it("fall back to the linear search for a path the index lacks, such as an absolute one", () => {
    const indexed = new IndexedTemplateMap();
    indexed.map.push({ inputPath: path.resolve("posts/a.md") });
    assert.equal(indexed.getMapEntryForInputPath("posts/a.md"), indexed.map[0]);
    assert.equal(indexed.searches, 1);
  });

  it("are installed on Eleventy's own template map by the plugin", async () => {
    await templateMapPlugin();
    const eleventyMain = import.meta.resolve("@11ty/eleventy");
    const { default: TemplateMap } = (await import(new URL("TemplateMap.js", eleventyMain).href)) as { default: { prototype: object } };
    assert.equal((TemplateMap.prototype as Record<symbol, unknown>)[Symbol.for("blog.templateMap.indexedByPath")], true);
  });
});
