import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { HTMLFile, NewFileResponse, NewIndexResponse, PagefindIndex, WriteFilesResponse } from "pagefind";

import { DevSearchIndex } from "../../lib/search/dev-index.ts";
import {
  describeBinary,
  isIndexable,
  pagefindUnavailableMessage,
  SearchIndexer,
  SearchIndexError,
  type PagefindApi,
} from "../../lib/search/indexer.ts";

/** A stand-in for Pagefind's Node API that records calls and answers when told to. */
class FakePagefind implements PagefindApi {
  readonly events: string[] = [];
  readonly added: HTMLFile[] = [];
  readonly #waiting: Array<() => void> = [];
  readonly #unanswered: Array<(error: Error) => void> = [];
  #added: Array<Promise<boolean>> = [];
  answer: "at-once" | "when-released" | "never" = "at-once";
  rejectUrls = new Set<string>();

  release(): void {
    for (const resolve of this.#waiting.splice(0)) resolve();
  }

  async createIndex(): Promise<NewIndexResponse> {
    this.events.push("createIndex");
    this.#added = [];
    const index: PagefindIndex = {
      addHTMLFile: (file: HTMLFile) => {
        const response = this.#addHTMLFile(file);
        this.#added.push(response.then((r) => r.errors.length === 0, () => false));
        return response;
      },
      // As the worker thread does: written after the pages added before, and not if one failed.
      writeFiles: async (options?: { outputPath: string }): Promise<WriteFilesResponse> => {
        const failed = (await Promise.all(this.#added)).filter((ok) => !ok).length;
        if (failed > 0) return { errors: [`${failed} page(s) could not be indexed`], outputPath: "" };
        this.events.push(`write ${options?.outputPath}`);
        return { errors: [], outputPath: options?.outputPath ?? "" };
      },
      addCustomRecord: () => Promise.reject(new Error("unused")),
      addDirectory: () => Promise.reject(new Error("unused")),
      getFiles: () => Promise.reject(new Error("unused")),
      deleteIndex: async () => null,
    };
    return { errors: [], index };
  }

  #addHTMLFile(file: HTMLFile): Promise<NewFileResponse> {
    this.events.push(`add ${file.url}`);
    this.added.push(file);
    const response: NewFileResponse = {
      errors: this.rejectUrls.has(file.url ?? "") ? ["unparseable HTML"] : [],
      file: { uniqueWords: 1, url: file.url ?? "", meta: {} },
    };
    // Like the worker thread, a closed Pagefind fails the calls it never answered.
    if (this.answer === "never") return new Promise<NewFileResponse>((_, reject) => this.#unanswered.push(reject));
    if (this.answer === "at-once") return Promise.resolve(response);
    return new Promise<NewFileResponse>((resolve) => this.#waiting.push(() => resolve(response)));
  }

  async close() {
    this.events.push("close");
    for (const reject of this.#unanswered.splice(0)) reject(new Error("Pagefind was closed"));
    return null;
  }
}

const page = (body: string) => `<html lang="en"><body><article data-pagefind-body>${body}</article></body></html>`;

describe("SearchIndexer", () => {
  it("fails with the reason and the fix when Pagefind cannot be loaded", async () => {
    const indexer = new SearchIndexer({ load: () => Promise.reject(new Error("Failed to install either of [pagefind_extended, pagefind]")) });
    await assert.rejects(indexer.start(), (error: unknown) => {
      assert.ok(error instanceof SearchIndexError);
      assert.match(error.message, /Pagefind binary could not run/);
      assert.match(error.message, /Failed to install either of/);
      assert.match(error.message, /npm install --include=optional/);
      return true;
    });
  });

  it("fails the same way when Pagefind starts but cannot create an index", async () => {
    const fake = new FakePagefind();
    fake.createIndex = async () => ({ errors: ["backend said no"] });
    const indexer = new SearchIndexer({ load: async () => fake });
    await assert.rejects(indexer.start(), /could not run[\s\S]*backend said no[\s\S]*--include=optional/);
    assert.deepEqual(fake.events, ["close"]);
  });

  it("sends each page as it renders and writes the bundle only after Pagefind has indexed them all", async () => {
    const fake = new FakePagefind();
    fake.answer = "when-released";
    const indexer = new SearchIndexer({ load: async () => fake });
    await indexer.start();
    indexer.add("/a/", page("one"));
    indexer.add("/b/", page("two"));
    assert.deepEqual(fake.events, ["createIndex", "add /a/", "add /b/"], "pages go to Pagefind before the build ends");

    const finished = indexer.finish("/out/pagefind");
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(!fake.events.some((event) => event.startsWith("write")), "nothing is written while pages are still being indexed");
    fake.release();
    assert.deepEqual(await finished, { pages: 2, outputPath: "/out/pagefind" });
    assert.deepEqual(fake.events.slice(-2), ["write /out/pagefind", "close"]);
  });

  it("fails the build naming each page Pagefind could not index", async () => {
    const fake = new FakePagefind();
    fake.rejectUrls.add("/broken/");
    const indexer = new SearchIndexer({ load: async () => fake });
    await indexer.start();
    indexer.add("/fine/", page("ok"));
    indexer.add("/broken/", page("not ok"));
    await assert.rejects(indexer.finish("/out/pagefind"), /could not index 1 page\(s\):\n {2}\/broken\/: unparseable HTML/);
    assert.ok(!fake.events.some((event) => event.startsWith("write")));
    assert.equal(fake.events.at(-1), "close");
  });

  it("fails instead of hanging when Pagefind stops answering", async () => {
    const fake = new FakePagefind();
    fake.answer = "never";
    const indexer = new SearchIndexer({ load: async () => fake, timeoutMs: 50 });
    await indexer.start();
    indexer.add("/a/", page("one"));
    await assert.rejects(indexer.finish("/out/pagefind"), /Pagefind stopped answering while indexing 1 pages/);
  });

  it("indexes only the pages sent since it was last started", async () => {
    const fake = new FakePagefind();
    const indexer = new SearchIndexer({ load: async () => fake });
    await indexer.start();
    indexer.add("/a/", page("a"));
    await indexer.finish("/out/pagefind");
    await indexer.start();
    assert.equal((await indexer.finish("/out/pagefind")).pages, 0);
  });
});

describe("DevSearchIndex", () => {
  const quietly = { report: () => assert.fail("no failure expected") };

  it("writes an index of every kept page after a rebuild, each in its latest version", async () => {
    const fake = new FakePagefind();
    const dev = new DevSearchIndex({ load: async () => fake, quietMs: 0, ...quietly });
    dev.keep("/a/", page("first version"));
    dev.keep("/b/", page("b"));
    await dev.schedule("/out/pagefind");
    dev.keep("/a/", page("second version"));
    fake.added.length = 0;
    await dev.schedule("/out/pagefind");
    assert.deepEqual(
      fake.added.map((file) => [file.url, file.content.includes("second version")]),
      [["/a/", true], ["/b/", false]],
    );
    assert.deepEqual(fake.events.slice(-2), ["write /out/pagefind", "close"]);
  });

  it("writes at once with the session a full build fed, sending it only the kept pages it lacks", async () => {
    const fake = new FakePagefind();
    const dev = new DevSearchIndex({ load: async () => fake, quietMs: 60_000, ...quietly });
    const session = new SearchIndexer({ load: async () => fake });
    await session.start();
    session.add("/a/", page("a"));
    dev.keep("/a/", page("a"));
    dev.keep("/b/", page("b"));
    await dev.schedule("/out/pagefind", session);
    assert.deepEqual(fake.events, ["createIndex", "add /a/", "add /b/", "write /out/pagefind", "close"]);
  });

  it("never starts Pagefind for a rebuild that a newer save supersedes within the quiet time", async () => {
    const fake = new FakePagefind();
    const dev = new DevSearchIndex({ load: async () => fake, quietMs: 60_000, ...quietly });
    dev.keep("/a/", page("a"));
    const written = dev.schedule("/out/pagefind");
    await dev.cancel();
    await written;
    assert.deepEqual(fake.events, []);
  });

  it("stops Pagefind when a newer save comes while the index is being written, and reports nothing", async () => {
    const fake = new FakePagefind();
    fake.answer = "never";
    const dev = new DevSearchIndex({ load: async () => fake, quietMs: 0, ...quietly });
    dev.keep("/a/", page("a"));
    void dev.schedule("/out/pagefind");
    while (!fake.events.includes("add /a/")) await new Promise((resolve) => setTimeout(resolve, 1));
    await dev.cancel();
    assert.equal(fake.events.at(-1), "close");
    assert.ok(!fake.events.some((event) => event.startsWith("write")));
  });

  it("reports an index it could not write, since no build is waiting for it", async () => {
    const fake = new FakePagefind();
    fake.rejectUrls.add("/broken/");
    const reports: string[] = [];
    const dev = new DevSearchIndex({ load: async () => fake, quietMs: 0, report: (message) => reports.push(message) });
    dev.keep("/broken/", page("x"));
    await dev.schedule("/out/pagefind");
    assert.equal(reports.length, 1);
    assert.match(reports[0]!, /could not index 1 page\(s\):\n {2}\/broken\/: unparseable HTML/);
  });
});

describe("isIndexable", () => {
  it("accepts HTML output with a search body region and nothing else", () => {
    assert.equal(isIndexable("_site/posts/a/index.html", page("x")), true);
    assert.equal(isIndexable("_site/tags/index.html", "<html><body><main>list</main></body></html>"), false);
    assert.equal(isIndexable("_site/feed.xml", page("x")), false);
    assert.equal(isIndexable(false, page("x")), false);
  });
});

describe("pagefindUnavailableMessage", () => {
  it("names the binary it tried, from PAGEFIND_BINARY_PATH or the platform package", () => {
    assert.match(pagefindUnavailableMessage(new Error("spawn ENOENT"), { PAGEFIND_BINARY_PATH: "/opt/pf" }), /Binary: \/opt\/pf \(from PAGEFIND_BINARY_PATH\)/);
    assert.equal(describeBinary({}, "sunos", "sparc"), "none: @pagefind/sunos-sparc is not installed");
    assert.match(pagefindUnavailableMessage("gone", {}, "win32", "x64"), /@pagefind\/windows-x64/);
  });
});
