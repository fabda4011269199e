// The page Pagefind indexes for a post. Eleventy renders every post body
// before it lays out and writes any page, so a post's finished HTML reaches
// the build's transform only in the last seconds of a build. Fed from the
// content model instead, as soon as the content is loaded, Pagefind indexes
// on the second core while Eleventy renders. The document holds what the
// post layout's `data-pagefind-body` region indexes: title, tags, cover
// text, tweet cards placed under the title, and the body; plus the search
// facets that region carries.
import { escapeHtml } from "../html.ts";
import { searchMetaHtml, type SearchFacets } from "./facets.ts";

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

export function postSearchDocument(input: PostSearchInput): string {
  const tags = input.tags.length > 0 ? `<ul>${input.tags.map((tag) => `<li>${escapeHtml(tag)}</li>`).join("")}</ul>` : "";
  const cover = input.coverAlt ? `<img alt="${escapeHtml(input.coverAlt)}">` : "";
  return (
    `<!doctype html><html lang="${escapeHtml(input.language)}"><head><title>${escapeHtml(input.title)}</title></head>` +
    `<body><article data-pagefind-body>${searchMetaHtml(input.facets)}` +
    `<h1 data-pagefind-meta="title">${escapeHtml(input.title)}</h1>${tags}${cover}` +
    `${input.tweetCards.join("\n")}\n${input.bodyHtml}</article></body></html>`
  );
}
