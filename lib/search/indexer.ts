// Feeds rendered pages to Pagefind's indexing service (its own process, driven
// through the npm package's Node API) while Eleventy is still rendering, so the
// index is built on a second core instead of in a pass over _site afterwards.
import { createRequire } from "node:module";
import path from "node:path";

import type { NewIndexResponse, PagefindIndex, PagefindServiceConfig } from "pagefind";

import { loadPagefindOnThread } from "./pagefind-thread.ts";

/**
 * The part of the `pagefind` module we use; tests pass a stand-in. Its
 * index's `writeFiles` must write only once every page added before it is
 * indexed, and nothing if one of them failed: pagefind-worker.mjs makes
 * Pagefind's own API keep that promise.
 */
export interface PagefindApi {
  createIndex(config?: PagefindServiceConfig): Promise<NewIndexResponse>;
  close(): Promise<null>;
}

export type PagefindLoader = () => Promise<PagefindApi>;

export const loadPagefind: PagefindLoader = loadPagefindOnThread;

export interface SearchIndexerOptions {
  /** Loads the Pagefind API; defaults to the `pagefind` npm package on a worker thread. */
  load?: PagefindLoader;
  /** Pagefind configuration for the index. */
  config?: PagefindServiceConfig;
  /** How long Pagefind may go silent before the build gives up on it. Default 120 s. */
  timeoutMs?: number;
}

export interface IndexSummary {
  /** Pages in the written index. */
  pages: number;
  /** Where the bundle was written. */
  outputPath: string;
}

/** The build cannot produce a search index; the message says why and what to do. */
export class SearchIndexError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "SearchIndexError";
  }
}

/** The attribute that marks a page's searchable region; pages without it are not indexed. */
export const BODY_ATTRIBUTE = "data-pagefind-body";

/**
 * Whether a rendered page belongs in the index. Pagefind itself skips pages
 * without a body region once any page has one; checking here saves sending
 * every tag and listing page across to its process.
 */
export function isIndexable(outputPath: unknown, html: string): boolean {
  return typeof outputPath === "string" && outputPath.endsWith(".html") && html.includes(BODY_ATTRIBUTE);
}

/** Pagefind's own `<NAME>_BINARY_PATH` overrides, in the order it reads them. */
const BINARY_PATH_VARIABLES = ["PAGEFIND_EXTENDED_BINARY_PATH", "PAGEFIND_BINARY_PATH"];

/** The npm package that carries Pagefind's binary for a platform. */
export function binaryPackage(platform: string = process.platform, arch: string = process.arch): string {
  return `@pagefind/${platform === "win32" ? "windows" : platform}-${arch}`;
}

/** Which binary Pagefind will try to run, in words, for the failure message. */
export function describeBinary(env: NodeJS.ProcessEnv = process.env, platform?: string, arch?: string): string {
  for (const name of BINARY_PATH_VARIABLES) {
    if (env[name]) return `${env[name]} (from ${name})`;
  }
  const pkg = binaryPackage(platform, arch);
  try {
    // Resolved from the pagefind package, as Pagefind itself looks for it.
    const require = createRequire(import.meta.resolve("pagefind"));
    return `${pkg}, installed in ${path.dirname(require.resolve(`${pkg}/package.json`))}`;
  } catch {
    return `none: ${pkg} is not installed`;
  }
}

export function pagefindUnavailableMessage(
  cause: unknown,
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
  arch: string = process.arch,
): string {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return [
    "Search: the Pagefind binary could not run, so the build stopped rather than publish a search page without an index.",
    `  Reason: ${reason.split("\n")[0]}`,
    `  Binary: ${describeBinary(env, platform, arch)}`,
    `  Fix: Pagefind's binary is the npm package ${binaryPackage(platform, arch)}, an optional dependency of "pagefind".`,
    "       Reinstall with optional dependencies: `npm install --include=optional`",
    "       (and check that npm's `omit` setting or NPM_CONFIG_OMIT does not list \"optional\").",
    "       On a platform Pagefind publishes no package for, point PAGEFIND_BINARY_PATH at a pagefind binary.",
  ].join("\n");
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One index, for one build: `start()` before rendering, `add()` for each rendered
 * page (returns at once; Pagefind works in parallel), `finish()` after
 * rendering to wait for Pagefind and write the bundle.
 */
export class SearchIndexer {
  readonly #load: PagefindLoader;
  readonly #config: PagefindServiceConfig;
  readonly #timeoutMs: number;
  #api: PagefindApi | undefined;
  #index: PagefindIndex | undefined;
  #pending: Array<Promise<string | undefined>> = [];
  #added = new Set<string>();

  constructor(options: SearchIndexerOptions = {}) {
    this.#load = options.load ?? loadPagefind;
    this.#config = options.config ?? {};
    this.#timeoutMs = options.timeoutMs ?? 120_000;
  }

  async start(): Promise<void> {
    await this.#stop();
    this.#pending = [];
    this.#added = new Set();
    try {
      this.#api = await this.#load();
      const response = await withTimeout(this.#api.createIndex(this.#config), this.#timeoutMs, "Pagefind did not answer");
      if (!response.index) throw new Error(response.errors.join("; ") || "Pagefind returned no index");
      this.#index = response.index;
    } catch (error) {
      await this.#stop();
      throw new SearchIndexError(pagefindUnavailableMessage(error), { cause: error });
    }
  }

  /** Whether this build has already sent the page at `url`. */
  has(url: string): boolean {
    return this.#added.has(url);
  }

  /** Sends one rendered page to Pagefind without waiting for it. */
  add(url: string, html: string): void {
    const index = this.#index;
    if (!index) throw new SearchIndexError("Search: a page was rendered before the search index was started.");
    this.#added.add(url);
    this.#pending.push(
      index.addHTMLFile({ url, content: html }).then(
        (response) => (response.errors.length > 0 ? `${url}: ${response.errors.join("; ")}` : undefined),
        (error: unknown) => `${url}: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }

  /** Waits for every page, writes the bundle to `outputPath` and stops Pagefind. */
  async finish(outputPath: string): Promise<IndexSummary> {
    const index = this.#index;
    if (!index) throw new SearchIndexError("Search: the search index was not started, so none can be written.");
    try {
      // Asked for at once: the index writes only after every page sent before
      // it (see PagefindApi), while the answers to those pages may reach this
      // thread only once Eleventy lets its event loop turn.
      const writing = withTimeout(index.writeFiles({ outputPath }), this.#timeoutMs, "Pagefind did not finish writing the index");
      writing.catch(() => undefined);
      const silent = `Pagefind stopped answering while indexing ${this.#pending.length} pages`;
      const problems = (await withTimeout(Promise.all(this.#pending), this.#timeoutMs, silent)).filter(
        (problem): problem is string => problem !== undefined,
      );
      if (problems.length > 0) {
        throw new SearchIndexError(`Search: Pagefind could not index ${problems.length} page(s):\n${problems.map((p) => `  ${p}`).join("\n")}`);
      }
      const written = await writing;
      if (written.errors.length > 0) {
        throw new SearchIndexError(`Search: Pagefind could not write its index to ${outputPath}: ${written.errors.join("; ")}`);
      }
      return { pages: this.#added.size, outputPath: written.outputPath };
    } catch (error) {
      if (error instanceof SearchIndexError) throw error;
      throw new SearchIndexError(`Search: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    } finally {
      await this.#stop();
    }
  }

  /** Stops Pagefind after a failed build, so the next build starts afresh. */
  async abort(): Promise<void> {
    await this.#stop();
  }

  async #stop(): Promise<void> {
    this.#index = undefined;
    const api = this.#api;
    this.#api = undefined;
    // close() also resets the module's service, which otherwise stays broken after a crash.
    await api?.close();
  }
}
