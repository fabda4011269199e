// Eleventy 3.1 finds a template's entry in its template map by a linear
// search (`TemplateMap#getMapEntryForInputPath`, marked "hot inner loop?" in
// its source), and calls it for every template while ordering the build and
// again for every item of every collection, where each post is an item of
// `all`, of `blogPost` and of each of its tags. On 4,000 posts that is tens of
// millions of path comparisons per build, full or incremental (about a second
// of each dev-server rebuild). This gives the search an index by path; it
// answers as the linear search does, and falls back to it for a path the
// index lacks.
import { alreadyPatched } from "../eleventy-internals.ts";

export interface MapEntry {
  inputPath: string;
}

export interface TemplateMapLike {
  map: MapEntry[];
  getMapEntryForInputPath(inputPath: string): MapEntry | undefined;
}

interface PathIndex {
  /** The map's length when indexed: Eleventy only ever appends to it. */
  length: number;
  byPath: Map<string, MapEntry>;
}

const indexes = new WeakMap<MapEntry[], PathIndex>();

function indexOf(map: MapEntry[]): PathIndex {
  let index = indexes.get(map);
  if (!index || index.length !== map.length) {
    const byPath = new Map<string, MapEntry>();
    for (const entry of map) {
      if (!byPath.has(entry.inputPath)) byPath.set(entry.inputPath, entry);
    }
    index = { length: map.length, byPath };
    indexes.set(map, index);
  }
  return index;
}

/** Replaces the prototype's linear lookup with an indexed one that keeps its answers. */
export function indexMapLookups(prototype: TemplateMapLike): void {
  if (alreadyPatched(prototype, "blog.templateMap.indexedByPath")) return;
  const linear = prototype.getMapEntryForInputPath;
  prototype.getMapEntryForInputPath = function (this: TemplateMapLike, inputPath: string) {
    return indexOf(this.map).byPath.get(inputPath) ?? linear.call(this, inputPath);
  };
}
