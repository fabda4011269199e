// Runs Pagefind's Node API on a worker thread (see pagefind-thread.ts):
// answers each call from the main thread with the API's own response.
// Plain JavaScript, so the thread starts without a TypeScript loader.
// @ts-check
import { parentPort } from "node:worker_threads";

import * as pagefind from "pagefind";

/** @typedef {import("./pagefind-thread.ts").PagefindCall} PagefindCall */
/** @typedef {import("./pagefind-thread.ts").PagefindReply} PagefindReply */

if (!parentPort) throw new Error("pagefind-worker.mjs runs only as a worker thread");
const port = parentPort;
/** @type {import("pagefind").PagefindIndex | undefined} */
let index;

/** @param {PagefindCall} call */
async function answer(call) {
  if (call.method === "createIndex") {
    const { errors, index: created } = await pagefind.createIndex(...call.args);
    index = created;
    return { errors, created: created !== undefined };
  }
  if (call.method === "close") {
    index = undefined;
    return pagefind.close();
  }
  if (!index) throw new Error("Pagefind was asked to index before an index was created");
  const method = /** @type {(...args: unknown[]) => Promise<unknown>} */ (index[call.method]);
  return method(...call.args);
}

port.on("message", (/** @type {PagefindCall} */ call) => {
  answer(call).then(
    (result) => port.postMessage(/** @type {PagefindReply} */ ({ id: call.id, result })),
    (/** @type {unknown} */ error) => port.postMessage(/** @type {PagefindReply} */ ({ id: call.id, error: error instanceof Error ? error.message : String(error) })),
  );
});
