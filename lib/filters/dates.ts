// Dates as readers and machines read them. Post dates are calendar days, so
// they are formatted in UTC, where a bare `YYYY-MM-DD` is midnight.

export function readableDate(date: Date, locale = "en"): string {
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(date);
}

/** `YYYY-MM-DD`, for `<time datetime>` and the sitemap. */
export function htmlDateString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** RFC 3339 timestamp for Atom and JSON Feed. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
