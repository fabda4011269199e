// Eleventy 3.1 reads, parses and merges a folder's data file (our
// posts/posts.11tydata.json) once for every template in the folder, in every
// build and dev rebuild: 4,000 times at 4,000 posts, about 100 ms of each dev
// rebuild. The result depends only on which data files exist, and Eleventy
// makes a new TemplateData for each build, so it is kept per instance for each
// set of files. Templates then share the combined object as they already share
// the global data (and any JavaScript data file's export). Before that,
// Eleventy works out again, for every template in every build, which data
// files it could have (about 50 ms of each dev rebuild): those candidates
// depend only on the template's path, the input folder and the configuration,
// so they are kept until the configuration is loaded again.
import { alreadyPatched } from "../eleventy-internals.ts";

export interface TemplateDataLike {
  exists(path: string): boolean;
  combineLocalData(localDataPaths: string | string[]): Promise<Record<string, unknown>>;
  config: { events: { emit(name: string, ...args: unknown[]): unknown; listenerCount(name: string): number } };
}

export interface LocalDataPathsLike {
  readonly inputDir: string;
  config: object;
  getLocalDataPaths(templatePath: string): Promise<string[]>;
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

const candidates = new WeakMap<object, Map<string, Promise<string[]>>>();

/** Works out each template's candidate data files once per configuration and input folder. */
export function keepLocalDataPaths(prototype: LocalDataPathsLike): void {
  if (alreadyPatched(prototype, "blog.templateData.keptLocalDataPaths")) return;
  const find = prototype.getLocalDataPaths;
  prototype.getLocalDataPaths = function (this: LocalDataPathsLike, templatePath: string) {
    let byPath = candidates.get(this.config);
    if (!byPath) candidates.set(this.config, (byPath = new Map()));
    const key = `${this.inputDir}\0${templatePath}`;
    let paths = byPath.get(key);
    if (!paths) {
      paths = find.call(this, templatePath);
      byPath.set(key, paths);
      paths.catch(() => byPath.delete(key));
    }
    // A copy, as Eleventy's own answer is a new list its caller may change.
    return paths.then((list) => [...list]);
  };
}
