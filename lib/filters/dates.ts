// Dates as readers and machines read them. Post dates are calendar days, so
// they are formatted in UTC, where a bare `YYYY-MM-DD` is midnight.

// Creating an Intl.DateTimeFormat costs about a thousand times more than
// formatting with one, and listings format tens of thousands of dates.
const readableFormats = new Map<string, Intl.DateTimeFormat>();

export function readableDate(date: Date, locale = "en"): string {
  let format = readableFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    readableFormats.set(locale, format);
  }
  return format.format(date);
}

/** `YYYY-MM-DD`, for `<time datetime>` and the sitemap. */
export function htmlDateString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** RFC 3339 timestamp for Atom and JSON Feed. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
