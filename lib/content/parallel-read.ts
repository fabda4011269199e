// Reading the posts is most of the content pass: each body's Markdown parse,
// and rendering the published ones ahead (token-reuse.ts). Eleventy waits for
// the content before it does anything else, with the second core idle, so on
// a large site a worker thread reads posts too: both threads take the next
// chunk of the same list until none is left, which balances the work however
// long the worker takes to start. The worker sends back what it read and the
// HTML it rendered; a body with an image of ours is rendered here instead, by
// the instance that encodes images. Should the worker fail, this thread reads
// whatever it did not send.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

import type { MarkdownIt } from "markdown-it";

import { keepRendered, postRenderEnv, renderAhead, type RenderEnv } from "../markdown/token-reuse.ts";
import type { PostCache, PostRead } from "./load.ts";
import { postStatus, readPost } from "./posts.ts";

/**
 * Below this many posts to read, the worker's start (loading the Markdown,
 * YAML and validation modules takes it most of a second here) costs more than
 * it saves: measured on this project's 2-core machine, the content pass of
 * 1,000 posts took 0.3 s longer with it and that of 4,000 posts 3 s shorter.
 */
const PARALLEL_MIN_POSTS = 1500;
/** Posts a thread takes at a time: small enough to balance, large enough to keep messages few. */
const CHUNK = 16;
const WORKER_URL = new URL("./read-worker.mjs", import.meta.url);

/** What a thread needs to read posts and render the published ones ahead. */
export interface ReadContext {
  /** The site's folder, as Eleventy's input. */
  root: string;
  tweets: RenderEnv["tweets"];
  /** The build day, `YYYY-MM-DD`: it decides which posts are scheduled. */
  today: string;
  /** Production builds render only published posts. */
  production: boolean;
}

export interface ReadPostsOptions extends ReadContext {
  /** The build's instance: rendering ahead keeps each body's HTML on it for Eleventy. */
  md: MarkdownIt;
  cache?: PostCache;
  /** Read on this thread alone below this many posts to read. */
  minPostsForWorker?: number;
  /** False leaves every post to the worker (tests compare its reads with this thread's). */
  readHere?: boolean;
}

/** Data the worker thread starts with. */
export interface WorkerInput extends ReadContext {
  files: string[];
  /** One Int32: the index of the next chunk to take, shared by both threads. */
  next: Int32Array;
}

export interface WorkerRead {
  index: number;
  result: PostRead["result"];
  /** The body rendered ahead, unless the post is not built or has an image of ours. */
  html?: string;
}

/** The worker's one message: everything it read. */
export interface WorkerMessage {
  reads: WorkerRead[];
}

/** Reads one post. */
export function readOne(md: MarkdownIt, file: string, context: ReadContext): PostRead["result"] {
  return readPost(readFileSync(path.join(context.root, file), "utf8"), file, md);
}

/** When the build publishes the post, renders its body ahead on `md` (which keeps the HTML) and returns it. */
export function renderIfBuilt(md: MarkdownIt, file: string, result: PostRead["result"], context: ReadContext): string | undefined {
  const post = result.post;
  if (!post || (context.production && postStatus(post.frontMatter, context.today) !== "published")) return undefined;
  return renderAhead(md, post.body, postRenderEnv(context.root, file, context.tweets));
}

/** Takes chunks of `count` items from the shared counter and hands each index to `read`, until none is left. */
export function takeChunks(next: Int32Array, count: number, read: (index: number) => void): void {
  for (;;) {
    const start = Atomics.add(next, 0, CHUNK);
    if (start >= count) return;
    for (let index = start; index < Math.min(start + CHUNK, count); index++) read(index);
  }
}

/**
 * Reads every post file (project-relative paths, in order), from the cache
 * where a file has not changed; renders the bodies of built posts ahead.
 */
export async function readPosts(files: readonly string[], options: ReadPostsOptions): Promise<PostRead[]> {
  const reads: Array<PostRead | undefined> = files.map(() => undefined);
  const stamps = new Map<number, string>();
  const toRead: number[] = [];
  files.forEach((file, index) => {
    if (!options.cache) return toRead.push(index);
    const { stamp, result } = options.cache.lookup(path.join(options.root, file));
    if (result) reads[index] = { file, result };
    else {
      stamps.set(index, stamp);
      toRead.push(index);
    }
  });
  const readOnThisThread = (index: number) => {
    const file = files[index]!;
    const result = readOne(options.md, file, options);
    renderIfBuilt(options.md, file, result, options);
    reads[index] = { file, result };
  };

  if (toRead.length < (options.minPostsForWorker ?? PARALLEL_MIN_POSTS)) {
    toRead.forEach(readOnThisThread);
  } else {
    const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const input: WorkerInput = { root: options.root, tweets: options.tweets, today: options.today, production: options.production, files: toRead.map((i) => files[i]!), next };
    const fromWorker: WorkerRead[] = [];
    const worker = new Worker(WORKER_URL, { workerData: input, execArgv: [] });
    const finished = new Promise<void>((resolve) => {
      worker.on("message", (message: WorkerMessage) => {
        fromWorker.push(...message.reads);
        resolve();
      });
      worker.on("error", () => resolve());
      worker.on("exit", () => resolve());
    });
    if (options.readHere ?? true) takeChunks(next, toRead.length, (position) => readOnThisThread(toRead[position]!));
    await finished;
    await worker.terminate();
    for (const { index, result, html } of fromWorker) {
      const file = input.files[index]!;
      reads[toRead[index]!] = { file, result };
      if (html !== undefined && result.post) keepRendered(options.md, result.post.body, html, path.join(options.root, file));
    }
    for (const index of toRead) if (!reads[index]) readOnThisThread(index);
  }

  for (const [index, stamp] of stamps) options.cache?.remember(path.join(options.root, files[index]!), stamp, reads[index]!.result);
  return reads as PostRead[];
}
