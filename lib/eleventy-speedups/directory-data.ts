// Eleventy 3.1 reads, parses and merges a folder's data file (our
// posts/posts.11tydata.json) once for every template in the folder, in every
// build and dev rebuild: 4,000 times at 4,000 posts, about 100 ms of each dev
// rebuild. The result depends only on which data files exist, and Eleventy
// makes a new TemplateData for each build, so it is kept per instance for each
// set of files. Templates then share the combined object as they already share
// the global data (and any JavaScript data file's export).
import { alreadyPatched } from "../eleventy-internals.ts";

export interface TemplateDataLike {
  exists(path: string): boolean;
  combineLocalData(localDataPaths: string | string[]): Promise<Record<string, unknown>>;
  config: { events: { emit(name: string, ...args: unknown[]): unknown; listenerCount(name: string): number } };
}

const combined = new WeakMap<TemplateDataLike, Map<string, Promise<Record<string, unknown>>>>();

const DATA_FILES_EVENT = "eleventy.dataFiles";

/** Combines the data files of each set of existing files once per TemplateData. */
export function shareLocalData(prototype: TemplateDataLike): void {
  if (alreadyPatched(prototype, "blog.templateData.sharedLocalData")) return;
  const combine = prototype.combineLocalData;
  prototype.combineLocalData = function (this: TemplateDataLike, localDataPaths: string | string[]) {
    const existing = (Array.isArray(localDataPaths) ? localDataPaths : [localDataPaths]).filter((file) => this.exists(file));
    const key = existing.join("\n");
    let byFiles = combined.get(this);
    if (!byFiles) combined.set(this, (byFiles = new Map()));
    let data = byFiles.get(key);
    if (data) {
      // Eleventy announces each template's data files; keep doing so for any listener.
      if (this.config.events.listenerCount(DATA_FILES_EVENT) > 0) this.config.events.emit(DATA_FILES_EVENT, existing);
    } else {
      data = combine.call(this, existing);
      byFiles.set(key, data);
    }
    return data;
  };
}
