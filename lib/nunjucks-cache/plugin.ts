// Eleventy 3.1 keeps compiled templates in its compile cache for every engine
// but Nunjucks, whose engine reports itself not cacheable since 3.1.0 relies
// on Nunjucks' own cache. That cache holds only templates Nunjucks loads by
// name (layouts, includes), so a paginated template's own Nunjucks is compiled
// again for every page: the 400 home pages, 800 tag pages and 140 tweet pages
// of a 4,000-post blog, about a second of each build. This plugin lets
// Eleventy cache them. It is safe because Eleventy keys the cache by input path
// and source text and clears a file's entries when it changes, while the
// compiled template looks up its includes and layouts by name at render time,
// where Nunjucks' own cache is cleared for the changed file. Left alone in any
// Eleventy but 3.1 (lib/eleventy-internals.ts).
import { eleventyInternal } from "../eleventy-internals.ts";

interface TemplateEngineLike {
  readonly cacheable: boolean;
}

/** Makes every instance of an engine class report that its compiled templates may be cached. */
function cacheCompiledTemplates(prototype: TemplateEngineLike): void {
  Object.defineProperty(prototype, "cacheable", { get: () => true, configurable: true });
}

export default async function nunjucksCachePlugin(): Promise<void> {
  const Nunjucks = await eleventyInternal<{ prototype: TemplateEngineLike }>("Engines/Nunjucks.js");
  if (Nunjucks && Object.getOwnPropertyDescriptor(Nunjucks.prototype, "cacheable") === undefined) cacheCompiledTemplates(Nunjucks.prototype);
}
