// WordPress keeps two clocks per post: wp:post_date in the old site's local
// time and wp:post_date_gmt in UTC. We date posts by the UTC instant seen from
// our site's time zone; drafts never given a GMT date fall back to the local one.
import { dayInTimeZone } from "../content/dates.ts";

const WP_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** The instant of a WordPress UTC timestamp; undefined for `0000-00-00 00:00:00` or anything unreadable. */
export function wpGmtInstant(gmt: string): Date | undefined {
  const match = WP_DATE.exec(gmt.trim());
  if (!match || match[1] === "0000") return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The post's calendar day in `timeZone`, `YYYY-MM-DD`; undefined when neither date can be read. */
export function wpDay(local: string, gmt: string, timeZone: string): string | undefined {
  const instant = wpGmtInstant(gmt);
  if (instant) return dayInTimeZone(instant, timeZone);
  const match = WP_DATE.exec(local.trim());
  return match && match[1] !== "0000" ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** ISO 8601 in UTC for a comment; the local time stands in (as UTC) when WordPress has no GMT time. */
export function wpIsoTimestamp(local: string, gmt: string): string | undefined {
  const instant = wpGmtInstant(gmt) ?? wpGmtInstant(local);
  return instant?.toISOString().replace(/\.000Z$/, "Z");
}
