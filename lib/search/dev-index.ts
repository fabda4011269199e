// The dev server's search index. Its incremental rebuild renders only what a
// save changed, and Pagefind cannot update an index it has written, so every
// indexed page is kept here and the whole index is written again after each
// rebuild: in the background, once the author has paused for a moment, and
// dropped as soon as a newer save starts another build. The page the author
// is looking at reloads without waiting for any of it.
import { setTimeout as sleep } from "node:timers/promises";

import { SearchIndexer, type PagefindLoader } from "./indexer.ts";

export interface DevSearchIndexOptions {
  /** Loads the Pagefind API (tests pass a stand-in). */
  load?: PagefindLoader;
  /** Quiet time after a rebuild before Pagefind starts on it. Default 2 s. */
  quietMs?: number;
  /** Where a failed write is reported. Default: the console. */
  report?: (message: string) => void;
}

interface WriteJob {
  controller: AbortController;
  session: SearchIndexer | undefined;
  done: Promise<void>;
}

export class DevSearchIndex {
  readonly #pages = new Map<string, string>();
  readonly #load: PagefindLoader | undefined;
  readonly #quietMs: number;
  readonly #report: (message: string) => void;
  #job: WriteJob | undefined;

  constructor(options: DevSearchIndexOptions = {}) {
    this.#load = options.load;
    this.#quietMs = options.quietMs ?? 2000;
    this.#report = options.report ?? ((message) => console.error(message));
  }

  /** How many pages are kept: none before the first build. */
  get size(): number {
    return this.#pages.size;
  }

  /** Keeps a page's latest HTML for every index written from now on. */
  keep(url: string, html: string): void {
    this.#pages.set(url, html);
  }

  /**
   * Writes an index of every kept page to `outputPath`, in the background.
   * `session` is a Pagefind session the build already fed (a full build):
   * it is written at once. Without one, Pagefind starts after the quiet time.
   */
  schedule(outputPath: string, session?: SearchIndexer): Promise<void> {
    const controller = new AbortController();
    const job: WriteJob = { controller, session, done: Promise.resolve() };
    job.done = this.#write(job, outputPath).catch((error: unknown) => {
      if (!controller.signal.aborted) this.#report(error instanceof Error ? error.message : String(error));
    });
    this.#job = job;
    return job.done;
  }

  /** Drops a write still waiting or running; resolves once its Pagefind has stopped. */
  async cancel(): Promise<void> {
    const job = this.#job;
    this.#job = undefined;
    if (!job) return;
    job.controller.abort();
    await job.session?.abort();
    await job.done;
  }

  async #write(job: WriteJob, outputPath: string): Promise<void> {
    const { signal } = job.controller;
    if (!job.session) {
      await sleep(this.#quietMs, undefined, { signal });
      job.session = new SearchIndexer({ load: this.#load });
      await job.session.start();
    }
    const session = job.session;
    // A cancel that came while Pagefind was starting could not stop it yet.
    if (signal.aborted) return session.abort();
    for (const [url, html] of this.#pages) {
      if (!session.has(url)) session.add(url, html);
    }
    await session.finish(outputPath);
  }
}
