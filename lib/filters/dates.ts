// Dates as readers and machines read them. Post dates are calendar days, so
// they are formatted in UTC, where a bare `YYYY-MM-DD` is midnight.

// Listings, feeds and the sitemap format the same few thousand post days tens
// of thousands of times: each locale keeps one formatter (creating one costs
// about a thousand formattings) and the strings it made, one per distinct day.
const readableFormats = new Map<string, { format: Intl.DateTimeFormat; made: Map<number, string> }>();
const htmlDates = new Map<number, string>();

export function readableDate(date: Date, locale = "en"): string {
  let formats = readableFormats.get(locale);
  if (!formats) {
    formats = {
      format: new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }),
      made: new Map(),
    };
    readableFormats.set(locale, formats);
  }
  const time = date.getTime();
  let text = formats.made.get(time);
  if (text === undefined) {
    text = formats.format.format(date);
    formats.made.set(time, text);
  }
  return text;
}

/** `YYYY-MM-DD`, for `<time datetime>` and the sitemap. */
export function htmlDateString(date: Date): string {
  const time = date.getTime();
  let text = htmlDates.get(time);
  if (text === undefined) {
    text = date.toISOString().slice(0, 10);
    htmlDates.set(time, text);
  }
  return text;
}

/** RFC 3339 timestamp for Atom and JSON Feed. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
