// Speed-ups for the way Eleventy 3.1 gathers its templates' data and builds
// its template map, each keeping Eleventy's answers: lookups by path, tag
// collections, path normalization and joins, folder data files and the
// candidates for them, permalink functions called without a copy of every
// filter, edges of its dependency graph and their order.
// Left alone in any Eleventy but 3.1 (lib/eleventy-internals.ts).
import { eleventyDependency, eleventyInternal } from "../eleventy-internals.ts";
import { indexDependencyEdges, type DepGraphLike } from "./dependency-edges.ts";
import { orderWithoutSearch, type OrderedDepGraphLike } from "./dependency-order.ts";
import { keepLocalDataPaths, shareLocalData, type LocalDataPathsLike, type TemplateDataLike } from "./directory-data.ts";
import { indexMapLookups, type TemplateMapLike } from "./map-lookups.ts";
import { memoizeNormalization, type PathNormalizerLike } from "./path-normalizer.ts";
import { callMarkedPlainly, type TemplateContentLike } from "./plain-functions.ts";
import { groupTagCollections, type TemplateCollectionLike } from "./tag-collections.ts";
import { memoizeTemplatePaths, type TemplatePathLike } from "./template-paths.ts";

interface TemplateDataClass {
  prototype: TemplateDataLike & LocalDataPathsLike;
  getIncludedTagNames(data: unknown): string[];
}

export default async function eleventySpeedupsPlugin(): Promise<void> {
  const [TemplateMap, TemplateCollection, TemplateData, PathNormalizer, TemplateContent] = await Promise.all([
    eleventyInternal<{ prototype: TemplateMapLike }>("TemplateMap.js"),
    eleventyInternal<{ prototype: TemplateCollectionLike }>("TemplateCollection.js"),
    eleventyInternal<TemplateDataClass>("Data/TemplateData.js"),
    eleventyInternal<PathNormalizerLike>("Util/PathNormalizer.js"),
    eleventyInternal<{ prototype: TemplateContentLike }>("TemplateContent.js"),
  ]);
  if (typeof TemplateMap?.prototype.getMapEntryForInputPath === "function") indexMapLookups(TemplateMap.prototype);
  if (typeof TemplateCollection?.prototype.getFilteredByTag === "function" && typeof TemplateData?.getIncludedTagNames === "function") {
    groupTagCollections(TemplateCollection.prototype, (data) => TemplateData.getIncludedTagNames(data));
  }
  if (typeof TemplateData?.prototype.combineLocalData === "function") shareLocalData(TemplateData.prototype);
  if (typeof TemplateData?.prototype.getLocalDataPaths === "function") keepLocalDataPaths(TemplateData.prototype);
  if (typeof PathNormalizer?.fullNormalization === "function") memoizeNormalization(PathNormalizer);
  if (typeof TemplateContent?.prototype._renderFunction === "function") callMarkedPlainly(TemplateContent.prototype);
  const DepGraph = eleventyDependency<{ DepGraph?: { prototype: DepGraphLike & OrderedDepGraphLike } }>("dependency-graph")?.DepGraph;
  if (typeof DepGraph?.prototype.addDependency === "function") indexDependencyEdges(DepGraph.prototype);
  if (typeof DepGraph?.prototype.overallOrder === "function") orderWithoutSearch(DepGraph.prototype);
  const TemplatePath = eleventyDependency<{ TemplatePath?: TemplatePathLike }>("@11ty/eleventy-utils")?.TemplatePath;
  if (typeof TemplatePath?.join === "function" && typeof TemplatePath.normalize === "function") memoizeTemplatePaths(TemplatePath);
}
