// Pagefind's Node API, run on a worker thread. The API talks to Pagefind's
// process through pipes that move only when their thread's event loop turns,
// and Eleventy keeps the main thread's loop busy rendering for seconds at a
// time: fed from the main thread, Pagefind sat idle until rendering ended.
// On its own thread the conversation never waits for Eleventy, and Pagefind
// indexes on the second core while the first renders.
import { Worker } from "node:worker_threads";

import type { NewIndexResponse, PagefindIndex, PagefindServiceConfig } from "pagefind";

import type { PagefindApi } from "./indexer.ts";

type IndexMethod = "addHTMLFile" | "addCustomRecord" | "addDirectory" | "writeFiles" | "getFiles" | "deleteIndex";

type PagefindRequest =
  | { method: "createIndex"; args: [PagefindServiceConfig?] }
  | { method: "close"; args: [] }
  | { method: IndexMethod; args: unknown[] };

export type PagefindCall = PagefindRequest & { id: number };

export interface PagefindReply {
  id: number;
  result?: unknown;
  error?: string;
}

const WORKER_URL = new URL("./pagefind-worker.mjs", import.meta.url);

/** Starts a worker thread that runs the `pagefind` package, and returns the same API talking to it. */
export async function loadPagefindOnThread(): Promise<PagefindApi> {
  // No `--import tsx` or dev-server hooks: the worker is plain JavaScript.
  const worker = new Worker(WORKER_URL, { execArgv: [] });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  let failure: Error | undefined;

  // Only a request waiting for Pagefind keeps the process alive: a build that
  // failed before it asked Pagefind to write must still let the process end.
  worker.unref();
  const failAll = (error: Error) => {
    failure = error;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
    worker.unref();
  };
  worker.on("message", (reply: PagefindReply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    if (reply.error !== undefined) pending?.reject(new Error(reply.error));
    else pending?.resolve(reply.result);
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`Pagefind's worker thread stopped (exit code ${code})`)));

  const call = (message: PagefindRequest): Promise<unknown> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      if (waiting.size === 0) worker.ref();
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  };
  const forward =
    <M extends IndexMethod>(method: M) =>
    (...args: Parameters<PagefindIndex[M]>) =>
      call({ method, args }) as ReturnType<PagefindIndex[M]>;

  const index: PagefindIndex = {
    addHTMLFile: forward("addHTMLFile"),
    addCustomRecord: forward("addCustomRecord"),
    addDirectory: forward("addDirectory"),
    writeFiles: forward("writeFiles"),
    getFiles: forward("getFiles"),
    deleteIndex: forward("deleteIndex"),
  };

  return {
    async createIndex(config?: PagefindServiceConfig): Promise<NewIndexResponse> {
      const { errors, created } = (await call({ method: "createIndex", args: [config] })) as { errors: string[]; created: boolean };
      return created ? { errors, index } : { errors };
    },
    async close(): Promise<null> {
      try {
        if (!failure) await call({ method: "close", args: [] });
      } finally {
        await worker.terminate();
      }
      return null;
    },
  };
}
