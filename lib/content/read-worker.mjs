// Entry of the thread that reads posts beside the main one (parallel-read.ts).
// A worker thread does not inherit the main thread's TypeScript loader: it is
// registered here, before the TypeScript module loads.
import { register } from "tsx/esm/api";

register();
await import("./read-worker.ts");
