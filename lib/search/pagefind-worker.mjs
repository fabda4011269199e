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
/**
 * The pages sent to the index, as they settle. A write waits for them here,
 * not on the main thread: Eleventy keeps the main thread's event loop from
 * turning while it writes pages, so the answers to its adds reach it late.
 * @type {Array<Promise<string | undefined>>}
 */
let added = [];

/**
 * @param {string | undefined} url
 * @param {Promise<import("pagefind").NewFileResponse>} response
 * @returns {Promise<string | undefined>} what went wrong with the page, if anything
 */
function settled(url, response) {
  return response.then(
    ({ errors }) => (errors.length > 0 ? `${url}: ${errors.join("; ")}` : undefined),
    (/** @type {unknown} */ error) => `${url}: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** @param {PagefindCall} call */
async function answer(call) {
  if (call.method === "createIndex") {
    const { errors, index: created } = await pagefind.createIndex(...call.args);
    index = created;
    added = [];
    return { errors, created: created !== undefined };
  }
  if (call.method === "close") {
    index = undefined;
    return pagefind.close();
  }
  if (!index) throw new Error("Pagefind was asked to index before an index was created");
  if (call.method === "addHTMLFile") {
    const [file] = /** @type {[import("pagefind").HTMLFile]} */ (call.args);
    const response = index.addHTMLFile(file);
    added.push(settled(file.url, response));
    return response;
  }
  if (call.method === "writeFiles") {
    // Written only once every page sent before has been indexed, and not at all if one failed.
    const problems = (await Promise.all(added)).filter((problem) => problem !== undefined);
    if (problems.length > 0) return { errors: [`${problems.length} page(s) could not be indexed`], outputPath: "" };
    return index.writeFiles(.../** @type {[import("pagefind").WriteOptions?]} */ (call.args));
  }
  const method = /** @type {(...args: unknown[]) => Promise<unknown>} */ (index[call.method]);
  return method(...call.args);
}

port.on("message", (/** @type {PagefindCall} */ call) => {
  answer(call).then(
    (result) => port.postMessage(/** @type {PagefindReply} */ ({ id: call.id, result })),
    (/** @type {unknown} */ error) => port.postMessage(/** @type {PagefindReply} */ ({ id: call.id, error: error instanceof Error ? error.message : String(error) })),
  );
});
