import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import path from "node:path";
import { describe, it } from "node:test";

import { seededRandom } from "../../lib/bench/random.ts";
import { eleventyDependency } from "../../lib/eleventy-internals.ts";
import { indexDependencyEdges, type DepGraphLike } from "../../lib/eleventy-speedups/dependency-edges.ts";
import { orderWithoutSearch } from "../../lib/eleventy-speedups/dependency-order.ts";
import { memoizeTemplatePaths, type TemplatePathLike } from "../../lib/eleventy-speedups/template-paths.ts";
import { indexMapLookups, type MapEntry, type TemplateMapLike } from "../../lib/eleventy-speedups/map-lookups.ts";
import { keepLocalDataPaths, shareLocalData, type LocalDataPathsLike, type TemplateDataLike } from "../../lib/eleventy-speedups/directory-data.ts";
import { callMarkedPlainly, withoutTemplateFunctions, type TemplateContentLike } from "../../lib/eleventy-speedups/plain-functions.ts";
import { memoizeNormalization, type PathNormalizerLike } from "../../lib/eleventy-speedups/path-normalizer.ts";
import eleventySpeedupsPlugin from "../../lib/eleventy-speedups/plugin.ts";
import { groupTagCollections, type CollectionItem, type TemplateCollectionLike } from "../../lib/eleventy-speedups/tag-collections.ts";

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
});

interface Page extends CollectionItem {
  data: { tags?: string[] };
  date: number;
  inputPath: string;
}

const tagsOf = (data: unknown) => ((data as Page["data"]).tags ?? []).filter((tag) => tag !== "all");

/** Eleventy 3.1's collection: sorts every page on each call and filters the sorted copy by tag. */
class SortingCollection implements TemplateCollectionLike {
  items: Page[] = [];
  sorts = 0;
  add(item: Page): void {
    this.items.push(item);
  }
  getAllSorted(): Page[] {
    this.sorts++;
    return this.items.slice().sort((a, b) => a.date - b.date || a.inputPath.localeCompare(b.inputPath));
  }
  getFilteredByTag(tagName: string): Page[] {
    return this.getAllSorted().filter((item) => !tagName || tagsOf(item.data).includes(tagName));
  }
}

class GroupedCollection extends SortingCollection {}
groupTagCollections(GroupedCollection.prototype, tagsOf);
groupTagCollections(GroupedCollection.prototype, tagsOf);

function page(inputPath: string, date: number, tags: string[]): Page {
  return { inputPath, date, data: { tags } };
}

describe("tag collections", () => {
  const pages = [page("./c.md", 3, ["b", "a"]), page("./a.md", 1, ["a"]), page("./b.md", 1, []), page("./d.md", 2, ["b"])];

  it("hold the same pages in the same order as Eleventy's, sorting them once", () => {
    const eleventy = new SortingCollection();
    const grouped = new GroupedCollection();
    for (const item of pages) {
      eleventy.add(item);
      grouped.add(item);
    }
    for (const tag of ["a", "b", "missing", ""]) assert.deepEqual(grouped.getFilteredByTag(tag), eleventy.getFilteredByTag(tag), tag);
    assert.deepEqual(grouped.getAllSorted(), eleventy.getAllSorted());
    assert.equal(grouped.sorts, 1);
  });

  it("see pages added after an earlier collection was made", () => {
    const grouped = new GroupedCollection();
    grouped.add(pages[0]!);
    assert.deepEqual(grouped.getFilteredByTag("b"), [pages[0]]);
    grouped.add(pages[3]!);
    assert.deepEqual(grouped.getFilteredByTag("b"), [pages[3], pages[0]]);
  });

  it("hand out a fresh array each time, so a caller that changes one changes no other", () => {
    const grouped = new GroupedCollection();
    for (const item of pages) grouped.add(item);
    grouped.getFilteredByTag("a").reverse();
    grouped.getAllSorted().pop();
    assert.deepEqual(grouped.getFilteredByTag("a"), [pages[1], pages[0]]);
    assert.equal(grouped.getAllSorted().length, 4);
  });
});

describe("path normalization", () => {
  function counting(): PathNormalizerLike & { calls: number } {
    return {
      calls: 0,
      fullNormalization(inputPath: unknown) {
        this.calls++;
        return typeof inputPath === "string" ? path.relative(process.cwd(), inputPath) : inputPath;
      },
    };
  }

  it("works a path out once and answers as Eleventy's normalization does", () => {
    const normalizer = counting();
    const absolute = path.resolve("posts/a.md");
    const expected = normalizer.fullNormalization(absolute);
    normalizer.calls = 0;
    memoizeNormalization(normalizer);
    assert.equal(normalizer.fullNormalization(absolute), expected);
    assert.equal(normalizer.fullNormalization(absolute), expected);
    assert.equal(normalizer.calls, 1);
  });

  it("works paths out again once the working folder changes, and never keeps other values", () => {
    const normalizer = counting();
    let dir = "/one";
    memoizeNormalization(normalizer, () => dir);
    normalizer.fullNormalization("a.md");
    dir = "/two";
    normalizer.fullNormalization("a.md");
    const url = new URL("file:///x.md");
    normalizer.fullNormalization(url);
    normalizer.fullNormalization(url);
    assert.equal(normalizer.calls, 4);
  });
});

describe("template path joins and normalization", () => {
  const { TemplatePath } = eleventyDependency<{ TemplatePath: TemplatePathLike }>("@11ty/eleventy-utils")!;
  /** Eleventy's own functions, before the plugin's test below may have patched the shared object. */
  const own = { normalize: TemplatePath.normalize, join: TemplatePath.join };
  /** A fresh object with Eleventy's functions, counting the work they do. */
  function counting(): TemplatePathLike & { calls: number } {
    const paths = {
      calls: 0,
      normalize(thePath: string) {
        paths.calls++;
        return own.normalize(thePath);
      },
      join(...parts: string[]) {
        paths.calls++;
        return paths.normalize(path.join(...parts));
      },
    };
    return paths;
  }
  const samples = ["./posts/a.md", "posts//2026/../b.md", "_site/posts/a/", "/", ".", "", "./_includes/layouts/post.njk", "a/b/c/"];

  it("answer as Eleventy's own do, for single paths and for any number of parts", () => {
    const paths = counting();
    memoizeTemplatePaths(paths);
    for (const sample of samples) {
      assert.equal(paths.normalize(sample), own.normalize(sample), sample);
      assert.equal(paths.join(sample), own.join(sample), sample);
      assert.equal(paths.join("_site", sample, "index.html"), own.join("_site", sample, "index.html"), sample);
    }
    assert.equal(paths.join(), own.join());
    assert.equal(paths.join("a", "b"), own.join("a", "b"));
    assert.equal(paths.join("..", "a"), own.join("..", "a"));
    assert.equal(paths.join(".", ".a"), own.join(".", ".a"));
  });

  it("work each path out once", () => {
    const paths = counting();
    memoizeTemplatePaths(paths);
    for (let round = 0; round < 3; round++) {
      for (const sample of samples) paths.join("_site", sample);
    }
    const calls = paths.calls;
    for (const sample of samples) paths.join("_site", sample);
    assert.equal(paths.calls, calls);
  });

  it("leave an argument that is not a string to Eleventy's own, every time", () => {
    const paths = counting();
    memoizeTemplatePaths(paths);
    const notAString = undefined as unknown as string;
    assert.throws(() => paths.join("a", notAString), TypeError);
    assert.throws(() => paths.join("a", notAString), TypeError);
    assert.equal(paths.calls, 2);
  });
});

/** Eleventy 3.1's TemplateData: reads and merges the existing data files on every call. */
class ReadingTemplateData implements TemplateDataLike {
  readonly config = { events: new EventEmitter() };
  combines = 0;
  constructor(readonly files: Record<string, Record<string, unknown>>) {}
  exists(file: string): boolean {
    return file in this.files;
  }
  async combineLocalData(localDataPaths: string | string[]): Promise<Record<string, unknown>> {
    this.combines++;
    const existing = [localDataPaths].flat().filter((file) => this.exists(file));
    this.config.events.emit("eleventy.dataFiles", existing);
    return Object.assign({}, ...existing.map((file) => structuredClone(this.files[file])));
  }
}

class SharingTemplateData extends ReadingTemplateData {}
shareLocalData(SharingTemplateData.prototype);
shareLocalData(SharingTemplateData.prototype);

describe("folder data files", () => {
  const files = { "posts/posts.11tydata.json": { layout: "post.njk", tags: ["blogPost"] }, "posts/a.11tydata.json": { title: "A" } };
  const candidates = (name: string) => ["posts.11tydata.json", "posts/posts.11tydata.json", `posts/${name}.11tydata.json`];

  it("are combined once per build for every template that has the same ones", async () => {
    const data = new SharingTemplateData(files);
    const first = await data.combineLocalData(candidates("b"));
    assert.deepEqual(first, { layout: "post.njk", tags: ["blogPost"] });
    assert.equal(await data.combineLocalData(candidates("c")), first);
    assert.equal(data.combines, 1);
  });

  it("are combined again for a template with a data file of its own, and in the next build", async () => {
    const data = new SharingTemplateData(files);
    await data.combineLocalData(candidates("b"));
    assert.deepEqual(await data.combineLocalData(candidates("a")), { layout: "post.njk", tags: ["blogPost"], title: "A" });
    assert.equal(data.combines, 2);
    const nextBuild = new SharingTemplateData(files);
    await nextBuild.combineLocalData(candidates("b"));
    assert.equal(nextBuild.combines, 1);
  });

  it("are still announced for every template to a listener of Eleventy's data-files event", async () => {
    const data = new SharingTemplateData(files);
    const announced: string[][] = [];
    data.config.events.on("eleventy.dataFiles", (paths: string[]) => announced.push(paths));
    await data.combineLocalData(candidates("b"));
    await data.combineLocalData(candidates("c"));
    assert.deepEqual(announced, [["posts/posts.11tydata.json"], ["posts/posts.11tydata.json"]]);
  });
});

/** Eleventy 3.1's TemplateData: works out a template's candidate data files on every call, from its configuration. */
class SearchingTemplateData implements LocalDataPathsLike {
  searches = 0;
  constructor(
    readonly config: { suffix: string },
    readonly inputDir = "./",
  ) {}
  async getLocalDataPaths(templatePath: string): Promise<string[]> {
    this.searches++;
    const dir = path.dirname(templatePath);
    return [`${dir}/${path.basename(dir)}${this.config.suffix}`, `${templatePath.replace(/\.md$/, "")}${this.config.suffix}`, `${this.inputDir}x`];
  }
}
class KeepingTemplateData extends SearchingTemplateData {}
keepLocalDataPaths(KeepingTemplateData.prototype);
keepLocalDataPaths(KeepingTemplateData.prototype);

describe("candidate data files", () => {
  it("are Eleventy's own, worked out once per template for builds with the same configuration", async () => {
    const config = { suffix: ".11tydata.json" };
    const first = new KeepingTemplateData(config);
    const expected = await new SearchingTemplateData(config).getLocalDataPaths("posts/2026/a.md");
    assert.deepEqual(await first.getLocalDataPaths("posts/2026/a.md"), expected);
    const nextBuild = new KeepingTemplateData(config);
    assert.deepEqual(await nextBuild.getLocalDataPaths("posts/2026/a.md"), expected);
    await nextBuild.getLocalDataPaths("posts/2026/b.md");
    assert.equal(first.searches + nextBuild.searches, 2);
  });

  it("are worked out again once the configuration is loaded again or the input folder changes", async () => {
    const before = new KeepingTemplateData({ suffix: ".11tydata.json" });
    await before.getLocalDataPaths("posts/a.md");
    const reloaded = new KeepingTemplateData({ suffix: ".data.json" });
    assert.deepEqual(await reloaded.getLocalDataPaths("posts/a.md"), ["posts/posts.data.json", "posts/a.data.json", "./x"]);
    const elsewhere = new KeepingTemplateData(before.config, "site/");
    assert.deepEqual(await elsewhere.getLocalDataPaths("posts/a.md"), ["posts/posts.11tydata.json", "posts/a.11tydata.json", "site/x"]);
    assert.equal(reloaded.searches + elsewhere.searches, 2);
  });

  it("are handed out as a new list each time, so a caller that changes one changes no other", async () => {
    const data = new KeepingTemplateData({ suffix: ".11tydata.json" });
    (await data.getLocalDataPaths("posts/a.md")).pop();
    assert.equal((await data.getLocalDataPaths("posts/a.md")).length, 3);
  });
});

/** Eleventy 3.1's call of a permalink function: every filter copied in as its `this`. */
class CopyingTemplateContent implements TemplateContentLike {
  copies = 0;
  readonly filters = { slugify: (text: string) => text.toLowerCase() };
  async _renderFunction(fn: unknown, ...args: unknown[]): Promise<unknown> {
    this.copies++;
    const result = await (fn as (...args: unknown[]) => unknown).call(Object.assign({}, this.filters), ...args);
    return Buffer.isBuffer(result) ? result.toString() : result;
  }
}

class PlainTemplateContent extends CopyingTemplateContent {}
callMarkedPlainly(PlainTemplateContent.prototype);
callMarkedPlainly(PlainTemplateContent.prototype);

describe("permalink functions", () => {
  it("marked as needing no filters are called without a copy of them, with the same answer", async () => {
    const content = new PlainTemplateContent();
    const permalink = withoutTemplateFunctions((data: { slug: string }) => `/posts/${data.slug}/index.html`);
    assert.equal(await content._renderFunction(permalink, { slug: "a" }), "/posts/a/index.html");
    assert.equal(await content._renderFunction(withoutTemplateFunctions(() => Buffer.from("/b/"))), "/b/");
    assert.equal(content.copies, 0);
  });

  it("not marked get the filters as their `this`, as Eleventy gives them", async () => {
    const content = new PlainTemplateContent();
    const permalink = function (this: { slugify(text: string): string }, data: { title: string }) {
      return `/${this.slugify(data.title)}/`;
    };
    assert.equal(await content._renderFunction(permalink, { title: "Hello" }), "/hello/");
    assert.equal(content.copies, 1);
  });
});

interface DepGraphClass {
  new (options?: { circular?: boolean }): DepGraphLike & {
    addNode(node: string): void;
    removeNode(node: string): void;
    removeDependency(from: string, to: string): void;
    overallOrder(leavesOnly?: boolean): string[];
  };
  prototype: DepGraphLike & { overallOrder(leavesOnly?: boolean): string[] };
}

/** The `dependency-graph` package Eleventy uses, and a copy of its graph with the indexed edges. */
const { DepGraph } = eleventyDependency<{ DepGraph: DepGraphClass }>("dependency-graph")!;
const libraryAddDependency = DepGraph.prototype.addDependency;
const libraryOverallOrder = DepGraph.prototype.overallOrder;
/** The library's graph as published, should the plugin's test below have patched it already. */
class PlainDepGraph extends DepGraph {}
PlainDepGraph.prototype.addDependency = libraryAddDependency;
PlainDepGraph.prototype.overallOrder = libraryOverallOrder;
class IndexedDepGraph extends DepGraph {}
indexDependencyEdges(IndexedDepGraph.prototype);
indexDependencyEdges(IndexedDepGraph.prototype);
class OrderedDepGraph extends PlainDepGraph {}
orderWithoutSearch(OrderedDepGraph.prototype as unknown as Parameters<typeof orderWithoutSearch>[0]);
orderWithoutSearch(OrderedDepGraph.prototype as unknown as Parameters<typeof orderWithoutSearch>[0]);

/** The same random graph in the library's class and in `OrderedDepGraph`: `nodes` nodes, `edges` edges, some in cycles. */
function twinGraphs(seed: number, nodes: number, edges: number, circular: boolean) {
  const random = seededRandom(seed);
  const names = Array.from({ length: nodes }, (_, i) => `n${i}`);
  const pairs = Array.from({ length: edges }, () => [random.pick(names), random.pick(names)] as const);
  return [new PlainDepGraph({ circular }), new OrderedDepGraph({ circular })].map((graph) => {
    for (const name of names) graph.addNode(name);
    for (const [from, to] of pairs) if (from !== to) graph.addDependency(from, to);
    return graph;
  }) as [InstanceType<DepGraphClass>, InstanceType<DepGraphClass>];
}

const edgesOf = (graph: DepGraphLike) => ({ out: [...graph.outgoingEdges], in: [...graph.incomingEdges] });

describe("dependency graph edges", () => {
  it("are the library's own, in the same order, through any mix of adding and removing nodes and edges", () => {
    const random = seededRandom(11);
    const nodes = Array.from({ length: 12 }, (_, i) => `n${i}`);
    const plain = new PlainDepGraph();
    const indexed = new IndexedDepGraph();
    for (let step = 0; step < 3000; step++) {
      const [a, b] = [random.pick(nodes), random.pick(nodes)];
      const roll = random.next();
      for (const graph of [plain, indexed]) {
        if (roll < 0.15) graph.addNode(a);
        else if (roll < 0.2) graph.removeNode(a);
        else if (roll < 0.3) graph.removeDependency(a, b);
        else if (graph.hasNode(a) && graph.hasNode(b)) graph.addDependency(a, b);
      }
      assert.deepEqual(edgesOf(indexed), edgesOf(plain), `after step ${step}`);
    }
    assert.ok(plain.outgoingEdges.size > 0);
  });

  it("refuse an edge to a node that does not exist with the library's message", () => {
    const graph = new IndexedDepGraph();
    graph.addNode("a");
    assert.throws(() => graph.addDependency("a", "b"), { message: "Node does not exist: b" });
    assert.throws(() => graph.addDependency("c", "a"), { message: "Node does not exist: c" });
  });

  it("are added without searching the node's edge list", () => {
    let reads = 0;
    const counted = (): string[] =>
      new Proxy<string[]>([], {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      });
    const graph = new IndexedDepGraph();
    graph.addNode("collection");
    graph.outgoingEdges.set("collection", counted());
    for (let i = 0; i < 2000; i++) {
      graph.addNode(`post${i}`);
      graph.addDependency("collection", `post${i}`);
      graph.addDependency("collection", `post${i}`);
    }
    assert.equal(graph.outgoingEdges.get("collection")!.length, 2000);
    assert.ok(reads < 2000, `${reads} reads of the edge list`);
  });
});

describe("dependency graph order", () => {
  it("is the library's own for graphs with cycles, sparse and dense, all nodes or leaves only", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const [plain, ordered] = twinGraphs(seed, 5 + (seed % 30), seed * 3, true);
      assert.deepEqual(ordered.overallOrder(), plain.overallOrder(), `seed ${seed}`);
      assert.deepEqual(ordered.overallOrder(true), plain.overallOrder(true), `seed ${seed}, leaves only`);
    }
  });

  it("is left to the library for a graph that allows no cycles, with its order and its cycle error", () => {
    let checkedCycle = false;
    for (let seed = 1; seed <= 40; seed++) {
      const [plain, ordered] = twinGraphs(seed, 8 + (seed % 20), seed, false);
      let expected: unknown;
      try {
        expected = plain.overallOrder();
      } catch (error) {
        assert.throws(() => ordered.overallOrder(), (thrown: Error) => thrown.constructor === (error as Error).constructor && thrown.message === (error as Error).message);
        checkedCycle = true;
        continue;
      }
      assert.deepEqual(ordered.overallOrder(), expected, `seed ${seed}`);
    }
    assert.ok(checkedCycle, "no seed made a cycle");
  });

  it("orders a graph with cycles without searching the list of nodes already ordered", () => {
    const [plain, ordered] = twinGraphs(3, 2000, 2500, true);
    const searchesDuring = (order: () => unknown) => {
      const { indexOf, includes } = Array.prototype;
      let searches = 0;
      Array.prototype.indexOf = function (this: unknown[], ...args: Parameters<typeof indexOf>) {
        searches++;
        return indexOf.apply(this, args);
      };
      Array.prototype.includes = function (this: unknown[], ...args: Parameters<typeof includes>) {
        searches++;
        return includes.apply(this, args);
      };
      try {
        order();
      } finally {
        Object.assign(Array.prototype, { indexOf, includes });
      }
      return searches;
    };
    assert.ok(searchesDuring(() => plain.overallOrder()) >= 1000, "the library's own order no longer searches: this test checks nothing");
    assert.equal(searchesDuring(() => ordered.overallOrder()), 0);
  });
});

describe("Eleventy's template map build", () => {
  it("gets the indexed lookups, grouped tag collections, kept path normalization, shared folder data, kept data file candidates, plain permalink calls, indexed dependency edges, their linear order and kept template paths from the plugin", async () => {
    await eleventySpeedupsPlugin();
    const eleventy = async (file: string) =>
      ((await import(new URL(file, import.meta.resolve("@11ty/eleventy")).href)) as { default: Record<symbol, unknown> & { prototype: object } }).default;
    const [TemplateMap, TemplateCollection, PathNormalizer, TemplateData, TemplateContent] = await Promise.all(
      ["TemplateMap.js", "TemplateCollection.js", "Util/PathNormalizer.js", "Data/TemplateData.js", "TemplateContent.js"].map(eleventy),
    );
    assert.equal((TemplateMap!.prototype as Record<symbol, unknown>)[Symbol.for("blog.templateMap.indexedByPath")], true);
    assert.equal((TemplateCollection!.prototype as Record<symbol, unknown>)[Symbol.for("blog.templateCollection.groupedByTag")], true);
    assert.equal(PathNormalizer![Symbol.for("blog.pathNormalizer.memoized")], true);
    assert.equal((TemplateData!.prototype as Record<symbol, unknown>)[Symbol.for("blog.templateData.sharedLocalData")], true);
    assert.equal((TemplateData!.prototype as Record<symbol, unknown>)[Symbol.for("blog.templateData.keptLocalDataPaths")], true);
    assert.equal((TemplateContent!.prototype as Record<symbol, unknown>)[Symbol.for("blog.templateContent.plainFunctions")], true);
    assert.equal((DepGraph.prototype as unknown as Record<symbol, unknown>)[Symbol.for("blog.depGraph.indexedEdges")], true);
    assert.equal((DepGraph.prototype as unknown as Record<symbol, unknown>)[Symbol.for("blog.depGraph.linearOrder")], true);
    const { TemplatePath } = eleventyDependency<{ TemplatePath: Record<symbol, unknown> }>("@11ty/eleventy-utils")!;
    assert.equal(TemplatePath[Symbol.for("blog.templatePath.memoized")], true);
  });
});
