// Text measures as a reader perceives them.

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Length in user-perceived characters: an emoji or an accented letter counts once. */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** Cuts text at a word boundary so it fits `max` characters, adding an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (graphemeLength(clean) <= max) return clean;
  const graphemes = Array.from(segmenter.segment(clean), (s) => s.segment).slice(0, max - 1);
  const cut = graphemes.join("");
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
