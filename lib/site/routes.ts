// The addresses this site itself serves besides posts and authored pages: an
// old URL (an alias) must not claim one, or its redirect could never fire.

/** Exact paths of generated pages and files. */
export const SITE_PATHS = [
  "/",
  "/search/",
  "/tags/",
  "/archive/",
  "/tweets/",
  "/feed.xml",
  "/feed.json",
  "/tweets/feed.xml",
  "/sitemap.xml",
  "/robots.txt",
  "/404.html",
  "/favicon.svg",
  "/_redirects",
] as const;

/** Folders whose every address belongs to the site. */
export const SITE_PREFIXES = ["/posts/", "/tags/", "/tweets/", "/page/", "/assets/", "/pagefind/"] as const;

/** Whether the site serves `urlPath` (a path without a query) itself. */
export function isSiteRoute(urlPath: string): boolean {
  const normalized = urlPath.endsWith("/") || /\.[a-z]+$/.test(urlPath) ? urlPath : `${urlPath}/`;
  return (SITE_PATHS as readonly string[]).includes(normalized) || SITE_PREFIXES.some((prefix) => normalized.startsWith(prefix));
}
