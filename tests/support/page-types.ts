// The kinds of page the site has, each with one representative URL. The
// quality gates run over the ones present in a build, so they grow as
// features (tweet pages, search, comments) land.
import type { BuiltSite } from "./site.ts";

export interface PageType {
  name: string;
  /** URL to open, query string included. */
  url: string;
}

/** The sample post with a cover image: the heaviest first load. */
export const COVER_POST = "/posts/the-coffee-chat-that-changed-my-career/";

interface Candidate extends PageType {
  /** Site path whose presence in the build means the page type exists. */
  file: string;
}

const CANDIDATES: Candidate[] = [
  { name: "home", url: "/", file: "/" },
  { name: "page 2", url: "/page/2/", file: "/page/2/" },
  { name: "post", url: COVER_POST, file: COVER_POST },
  { name: "post with comments", url: "/posts/after-the-layoff-the-first-two-weeks/", file: "/posts/after-the-layoff-the-first-two-weeks/" },
  { name: "tag", url: "/tags/networking/", file: "/tags/networking/" },
  { name: "tags", url: "/tags/", file: "/tags/" },
  { name: "archive", url: "/archive/", file: "/archive/" },
  { name: "tweet index", url: "/tweets/", file: "/tweets/" },
  { name: "tweet page", url: "/tweets/1/", file: "/tweets/1/" },
  { name: "search with results", url: "/search/?q=coffee", file: "/search/" },
  { name: "about", url: "/about/", file: "/about/" },
  { name: "books", url: "/books/", file: "/books/" },
  // Served with status 404 for any unknown path, as on the CDN.
  { name: "404", url: "/no-such-page/", file: "/404.html" },
];

export function pageTypesIn(site: BuiltSite): PageType[] {
  return CANDIDATES.filter((candidate) => site.exists(candidate.file)).map(({ name, url }) => ({ name, url }));
}

/** The page types Lighthouse scores: the ones readers land on most. */
export const LIGHTHOUSE_PAGE_TYPES = ["home", "post", "tweet page", "search with results"];
