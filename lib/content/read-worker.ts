// The worker side of parallel-read.ts: reads posts from the shared list with
// the posts' own Markdown rules, renders the published ones ahead, and sends
// everything back in one message. Images of ours are encoded by the main
// thread's instance, so a body with one is left for it to render.
import { parentPort, workerData } from "node:worker_threads";

import { markdownImagesPlugin } from "../images/markdown-images.ts";
import { createMarkdown } from "../markdown/index.ts";
import { reuseParsedTokens } from "../markdown/token-reuse.ts";
import { readOne, renderIfBuilt, takeChunks, type WorkerInput, type WorkerMessage, type WorkerRead } from "./parallel-read.ts";

class ImageOfOurs extends Error {}

const input = workerData as WorkerInput;
const md = createMarkdown();
reuseParsedTokens(md);
md.use(markdownImagesPlugin, {
  inputDir: () => input.root,
  images: {
    render() {
      throw new ImageOfOurs();
    },
  },
});

const reads: WorkerRead[] = [];
takeChunks(input.next, input.files.length, (index) => {
  const file = input.files[index]!;
  const result = readOne(md, file, input);
  try {
    reads.push({ index, result, html: renderIfBuilt(md, file, result, input) });
  } catch (error) {
    if (!(error instanceof ImageOfOurs)) throw error;
    reads.push({ index, result });
  }
});
parentPort!.postMessage({ reads } satisfies WorkerMessage);
