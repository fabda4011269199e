// Text measures as a reader perceives them.

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

// Segmenting is slow, and it runs on every post; printable ASCII is one grapheme per character.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Length in user-perceived characters: an emoji or an accented letter counts once. */
export function graphemeLength(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** UTF-16 index just after the first `count` graphemes; undefined when the text has no more than `count`. */
function indexAfterGraphemes(text: string, count: number): number | undefined {
  if (PRINTABLE_ASCII.test(text)) return text.length > count ? count : undefined;
  let taken = 0;
  for (const { index } of segmenter.segment(text)) {
    if (taken === count) return index;
    taken++;
  }
  return undefined;
}

/** Cuts text at a word boundary so it fits `max` characters, adding an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  // A grapheme is at least one UTF-16 unit, so a string this short fits without counting.
  if (clean.length <= max || indexAfterGraphemes(clean, max) === undefined) return clean;
  const cut = clean.slice(0, indexAfterGraphemes(clean, max - 1));
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.!?-]+$/, "")}…`;
}

/** Minutes to read `words` words at 230 words a minute, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}

/** URL-safe slug of a tag or title: lowercase ASCII letters, digits and hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
