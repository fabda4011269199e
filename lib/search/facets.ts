// What Pagefind records about an indexed page besides its words: the filters
// readers narrow by (type, year, tag), the metadata results show (title comes
// from the page's h1; date and type from here) and the date to sort by, and
// the hidden markup that hands them to Pagefind (the `searchMeta` shortcode
// in layouts, and the search documents of posts).
import { htmlDateString, readableDate } from "../filters/dates.ts";
import { escapeHtml } from "../html.ts";

/** The kinds of indexed page; the search page offers them as the "type" filter. */
export type SearchType = "post" | "tweet" | "page";

export interface SearchEntry {
  type: SearchType;
  /** Publication day; posts have one, tweets and pages usually not. */
  date?: Date | undefined;
  /** Tag names, or tag links as posts carry them. */
  tags?: ReadonlyArray<string | { name: string }> | undefined;
}

export interface SearchField {
  name: string;
  value: string;
}

export interface SearchFacets {
  filters: SearchField[];
  meta: SearchField[];
  sort: SearchField[];
}

/** What results show as the type of a page. */
export const TYPE_LABELS: Record<SearchType, string> = { post: "Post", tweet: "Tweet", page: "Page" };

/**
 * Pagefind drops pages without the sort key from sorted results, so undated
 * pages sort by this key instead: last when newest come first, not missing.
 */
export const UNDATED_SORT_KEY = "0000-00-00";

export function searchFacets(entry: SearchEntry, locale = "en"): SearchFacets {
  const filters: SearchField[] = [{ name: "type", value: entry.type }];
  const meta: SearchField[] = [{ name: "type", value: TYPE_LABELS[entry.type] }];
  let sortKey = UNDATED_SORT_KEY;
  if (entry.date) {
    const day = htmlDateString(entry.date);
    sortKey = day;
    filters.push({ name: "year", value: day.slice(0, 4) });
    meta.push({ name: "date", value: day }, { name: "date_label", value: readableDate(entry.date, locale) });
  }
  const seen = new Set<string>();
  for (const tag of entry.tags ?? []) {
    const name = typeof tag === "string" ? tag : tag.name;
    if (seen.has(name)) continue;
    seen.add(name);
    filters.push({ name: "tag", value: name });
  }
  return { filters, meta, sort: [{ name: "date", value: sortKey }] };
}

/**
 * The facets as Pagefind attributes, in a region that is hidden and ignored
 * as text (Pagefind still reads the attributes). Belongs inside the element
 * marked `data-pagefind-body`.
 */
export function searchMetaHtml(facets: SearchFacets): string {
  const spans = [
    ...facets.filters.map((field) => ["filter", field] as const),
    ...facets.meta.map((field) => ["meta", field] as const),
    ...facets.sort.map((field) => ["sort", field] as const),
  ].map(([kind, field]) => `<span data-pagefind-${kind}="${escapeHtml(field.name)}">${escapeHtml(field.value)}</span>`);
  return `<div class="search-meta" hidden data-pagefind-ignore>${spans.join("")}</div>`;
}
