// The pages Pagefind indexes, made before Eleventy writes the real ones.
// Eleventy renders every page's content before it lays out and writes any
// page, so finished HTML reaches the build's transform only in the last
// seconds of a build, and Pagefind can write its index only after its last
// page. Posts are made from the content model as soon as it is loaded;
// pages from their rendered content before Eleventy writes anything. Each
// document holds what its layout's `data-pagefind-body` region indexes, with
// the search facets that region carries.
import { escapeHtml } from "../html.ts";
import { searchFacets, searchMetaHtml, type SearchFacets } from "./facets.ts";
import { isIndexable } from "./indexer.ts";

export interface PostSearchInput {
  language: string;
  title: string;
  facets: SearchFacets;
  tags: readonly string[];
  /** Alternative text of the cover image, when the post has one. */
  coverAlt?: string | undefined;
  /** Rendered tweet cards the layout shows above the body. */
  tweetCards: readonly string[];
  /** The rendered Markdown body. */
  bodyHtml: string;
}

/** A page around `bodyHtml`, which holds (or is) the search region. */
export function searchDocument(language: string, bodyHtml: string): string {
  return `<!doctype html><html lang="${escapeHtml(language)}"><body>${bodyHtml}</body></html>`;
}

/** What the post layout's search region holds: title, tags, cover text, tweet cards placed under the title, and the body. */
export function postSearchDocument(input: PostSearchInput): string {
  const tags = input.tags.length > 0 ? `<ul>${input.tags.map((tag) => `<li>${escapeHtml(tag)}</li>`).join("")}</ul>` : "";
  const cover = input.coverAlt ? `<img alt="${escapeHtml(input.coverAlt)}">` : "";
  return searchDocument(
    input.language,
    `<article data-pagefind-body>${searchMetaHtml(input.facets)}` +
      `<h1 data-pagefind-meta="title">${escapeHtml(input.title)}</h1>${tags}${cover}` +
      `${input.tweetCards.join("\n")}\n${input.bodyHtml}</article>`,
  );
}

export interface PageSearchInput {
  language: string;
  title: string;
  facets: SearchFacets;
  /** The page's rendered content. */
  bodyHtml: string;
}

/** What the page layout's search region holds (`_includes/layouts/page.njk`): the title and the content. */
export function pageSearchDocument(input: PageSearchInput): string {
  return searchDocument(
    input.language,
    `<article data-pagefind-body><h1 data-pagefind-meta="title">${escapeHtml(input.title)}</h1>` +
      `${searchMetaHtml(input.facets)}\n${input.bodyHtml}</article>`,
  );
}

/** A page as Eleventy hands it to a configuration collection, its content rendered. */
export interface RenderedPage {
  url: string | false;
  outputPath: unknown;
  templateContent?: string;
  data: { title?: unknown; searchPage?: unknown };
}

/**
 * The search document of a page that is not a post, from its rendered
 * content: a template that holds its own search region (tweet pages), or one
 * laid out by the page layout, which wraps the content in one (it sets
 * `searchPage: true`). Undefined for a page that is not indexed.
 */
export function renderedPageDocument(item: RenderedPage, language: string): string | undefined {
  if (typeof item.url !== "string" || typeof item.outputPath !== "string" || !item.outputPath.endsWith(".html")) return undefined;
  let content: unknown;
  try {
    content = item.templateContent;
  } catch {
    // Eleventy throws for content it has not rendered; such a page, if it is
    // indexed at all, reaches the index through the transform.
    return undefined;
  }
  if (typeof content !== "string") return undefined;
  if (isIndexable(item.outputPath, content)) return searchDocument(language, content);
  if (item.data.searchPage !== true) return undefined;
  const title = typeof item.data.title === "string" ? item.data.title : "";
  return pageSearchDocument({ language, title, facets: searchFacets({ type: "page" }, language), bodyHtml: content });
}
