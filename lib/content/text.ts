// Text measures as a reader perceives them.

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * Characters that join with a neighbour into one grapheme: marks, joiners,
 * variation selectors, flags, skin tones, Hangul jamo, CR LF. Text without them
 * has one grapheme per code point, which is far cheaper to count than running
 * Intl.Segmenter (microseconds per grapheme; too slow for thousands of posts).
 */
const JOINING = /[\p{M}\u200C\u200D\uFE00-\uFE0F\p{RI}\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\r]/u;

/** The first `limit` graphemes of `text`, and whether there were more. */
function leadingGraphemes(text: string, limit: number): { graphemes: string[]; more: boolean } {
  const graphemes: string[] = [];
  if (!JOINING.test(text)) {
    for (const codePoint of text) {
      if (graphemes.length === limit) return { graphemes, more: true };
      graphemes.push(codePoint);
    }
    return { graphemes, more: false };
  }
  // The segmenter is lazy: stop as soon as the text is known to be longer.
  for (const { segment } of segmenter.segment(text)) {
    if (graphemes.length === limit) return { graphemes, more: true };
    graphemes.push(segment);
  }
  return { graphemes, more: false };
}

/** Length in user-perceived characters: an emoji or an accented letter counts once. */
export function graphemeLength(text: string): number {
  return leadingGraphemes(text, Infinity).graphemes.length;
}

/** Cuts text at a word boundary so it fits `max` characters, adding an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  // No string has more graphemes than code units.
  if (clean.length <= max) return clean;
  const { graphemes, more } = leadingGraphemes(clean, max);
  if (!more) return clean;
  const cut = graphemes.slice(0, max - 1).join("");
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
