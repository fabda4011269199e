// Whether this is a production build, and the moment it happens: read once per
// build so every page agrees on "today" (scheduled posts, tweet of the day).

export interface BuildContext {
  /** Production builds leave out drafts and scheduled posts; development shows them with a badge. */
  production: boolean;
  buildDate: Date;
  /**
   * False when the build leaves out the search index, to measure what search
   * costs (`npm run bench`). Such a site's search finds nothing: never deploy it.
   */
  searchIndex: boolean;
}

/**
 * `BLOG_MODE=production|development` overrides the default, which follows
 * Eleventy's run mode (`build` is production, `serve` and `watch` are not).
 * `BLOG_BUILD_DATE` (ISO 8601) pins the build moment for reproducible builds and tests.
 * `BLOG_SEARCH_INDEX=off` leaves the search index out (default `on`).
 */
export function buildContextFromEnv(env: NodeJS.ProcessEnv = process.env): BuildContext {
  const mode = env.BLOG_MODE;
  if (mode !== undefined && mode !== "production" && mode !== "development") {
    throw new Error(`BLOG_MODE must be "production" or "development", not "${mode}"`);
  }
  const production = mode ? mode === "production" : (env.ELEVENTY_RUN_MODE ?? "build") === "build";
  const pinned = env.BLOG_BUILD_DATE;
  const buildDate = pinned ? new Date(pinned) : new Date();
  if (Number.isNaN(buildDate.getTime())) {
    throw new Error(`BLOG_BUILD_DATE must be an ISO 8601 date, like 2026-11-26T08:00:00Z, not "${pinned}"`);
  }
  const searchIndex = env.BLOG_SEARCH_INDEX ?? "on";
  if (searchIndex !== "on" && searchIndex !== "off") {
    throw new Error(`BLOG_SEARCH_INDEX must be "on" or "off", not "${searchIndex}"`);
  }
  return { production, buildDate, searchIndex: searchIndex === "on" };
}
