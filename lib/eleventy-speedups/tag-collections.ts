// Eleventy 3.1 makes each tag collection by sorting every page again and
// filtering the sorted copy by tag (`TemplateCollection#getFilteredByTag`), so
// a build costs (tags × pages × log pages) plus a tag list built for each page
// and tag: about 300 ms of every build and dev rebuild at 4,000 posts and a few
// dozen tags. These replacements sort once and group the sorted pages by tag
// in one pass, while the collection's pages stay the same; they return what
// Eleventy's methods return, each call a fresh array.
import { alreadyPatched } from "../eleventy-internals.ts";

export interface CollectionItem {
  data?: unknown;
}

export interface TemplateCollectionLike {
  items: CollectionItem[];
  getAllSorted(): CollectionItem[];
  getFilteredByTag(tagName: string): CollectionItem[];
}

interface SortedPages {
  /** How many pages the collection had when sorted: Eleventy only ever appends to it. */
  length: number;
  sorted: CollectionItem[];
  byTag?: Map<string, CollectionItem[]>;
}

const sortedPages = new WeakMap<TemplateCollectionLike, SortedPages>();

/**
 * Replaces the prototype's per-call sort and tag filter with one sort and one
 * grouping per set of pages. `tagsOf` is Eleventy's own list of a page's tags
 * (`TemplateData.getIncludedTagNames`), so exclusions keep working.
 */
export function groupTagCollections(prototype: TemplateCollectionLike, tagsOf: (data: unknown) => string[]): void {
  if (alreadyPatched(prototype, "blog.templateCollection.groupedByTag")) return;
  const sortAll = prototype.getAllSorted;

  function pagesOf(collection: TemplateCollectionLike): SortedPages {
    let pages = sortedPages.get(collection);
    if (!pages || pages.length !== collection.items.length) {
      pages = { length: collection.items.length, sorted: sortAll.call(collection) };
      sortedPages.set(collection, pages);
    }
    return pages;
  }

  prototype.getAllSorted = function (this: TemplateCollectionLike) {
    return pagesOf(this).sorted.slice();
  };
  prototype.getFilteredByTag = function (this: TemplateCollectionLike, tagName: string) {
    const pages = pagesOf(this);
    if (!tagName) return pages.sorted.slice();
    if (!pages.byTag) {
      pages.byTag = new Map();
      for (const item of pages.sorted) {
        for (const tag of tagsOf(item.data)) {
          let tagged = pages.byTag.get(tag);
          if (!tagged) pages.byTag.set(tag, (tagged = []));
          tagged.push(item);
        }
      }
    }
    return pages.byTag.get(tagName)?.slice() ?? [];
  };
}
