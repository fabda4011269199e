// WordPress stores classic-editor posts without <p>: a blank line is a new
// paragraph and a single newline a line break, added only when a page is shown
// (its wpautop filter). This is the same rule, so imported posts keep their
// paragraphs; block-editor content already has its <p> and skips it.

const BLOCKS =
  "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe|video|audio|object|script|noscript|center";

const OPEN_BLOCK = new RegExp(`(<(?:${BLOCKS})[\\s/>])`, "gi");
const CLOSE_BLOCK = new RegExp(`(</(?:${BLOCKS})>)`, "gi");
const P_BEFORE_BLOCK = new RegExp(`<p>\\s*(</?(?:${BLOCKS})[\\s/>][^>]*>|</?(?:${BLOCKS})>)`, "gi");
const P_AFTER_BLOCK = new RegExp(`(</?(?:${BLOCKS})(?:[\\s/][^>]*)?>)\\s*</p>`, "gi");
const BR_AFTER_BLOCK = new RegExp(`(</?(?:${BLOCKS})(?:[\\s/][^>]*)?>)\\s*<br />`, "gi");
const BR_BEFORE_BLOCK = /<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol|figure|figcaption|blockquote)[^>]*>)/gi;

/** Content made in the block editor carries its own paragraphs. */
export function isBlockContent(html: string): boolean {
  return /<!--\s*wp:/.test(html);
}

/** Adds <p> and <br /> the way WordPress shows classic content. */
export function autop(html: string): string {
  if (!html.trim()) return "";
  const kept: string[] = [];
  // Line breaks inside <pre> and <script> are content, and one inside a tag is just a space.
  let text = html
    .replace(/\r\n?/g, "\n")
    .replace(/<(pre|script|style)[\s>][\s\S]*?<\/\1>/gi, (block) => `<!--kept:${kept.push(block) - 1}-->`)
    .replace(/<[^>!]*>/g, (tag) => tag.replace(/\n/g, " "));
  text = `${text}\n`
    .replace(/<br\s*\/?>\s*<br\s*\/?>/gi, "\n\n")
    .replace(OPEN_BLOCK, "\n\n$1")
    .replace(CLOSE_BLOCK, "$1\n\n")
    .replace(/<!--kept:\d+-->/g, "\n\n$&\n\n")
    .replace(/\n\s*\n+/g, "\n\n");
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => `<p>${chunk}</p>\n`);
  return paragraphs
    .join("")
    .replace(/<p>\s*(<!--kept:\d+-->)\s*<\/p>/g, "$1")
    .replace(P_BEFORE_BLOCK, "$1")
    .replace(P_AFTER_BLOCK, "$1")
    .replace(/<p>\s*<\/p>/g, "")
    .replace(/(?<!<br \/>)\s*\n(?!$)/g, "<br />\n")
    .replace(BR_AFTER_BLOCK, "$1")
    .replace(BR_BEFORE_BLOCK, "$1")
    .replace(/<!--kept:(\d+)-->/g, (_, index: string) => kept[Number(index)]!)
    .trim();
}
