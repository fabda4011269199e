// WordPress shortcodes (`[caption]...[/caption]`, `[gallery ids="1,2"]`, ...)
// turned into the HTML they stand for, before the HTML becomes Markdown. A
// shortcode we do not know stays in the text, visibly, and is reported: the
// plugin that rendered it is gone, and the author must decide what it meant.
import { escapeAttribute, escapeText } from "entities";

/** One shortcode as written. */
export interface Shortcode {
  name: string;
  attributes: Record<string, string>;
  /** Positional attributes (`[embed]` style `[youtube URL]`). */
  positional: string[];
  /** Text between `[name]` and `[/name]`; undefined when self-closing. */
  content: string | undefined;
  /** The whole shortcode as written. */
  source: string;
}

/** What the converter needs to know about the export to expand shortcodes. */
export interface ShortcodeContext {
  /** Image attachments shown by `[gallery]` without ids: those attached to the post. */
  attachmentsOf(postId: number): GalleryImage[];
  attachment(id: number): GalleryImage | undefined;
  postId: number;
}

export interface GalleryImage {
  url: string;
  alt: string;
  caption: string;
}

/** Shortcodes we turn into HTML. */
export const KNOWN_SHORTCODES = ["caption", "wp_caption", "embed", "gallery", "audio", "video", "playlist", "youtube", "vimeo", "code", "sourcecode"];

const ATTRIBUTE = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)/g;

export function parseAttributes(text: string): { attributes: Record<string, string>; positional: string[] } {
  const attributes: Record<string, string> = {};
  const positional: string[] = [];
  for (const match of text.matchAll(ATTRIBUTE)) {
    const key = match[1] ?? match[3] ?? match[5];
    if (key !== undefined) attributes[key.toLowerCase()] = match[2] ?? match[4] ?? match[6] ?? "";
    else positional.push(match[7] ?? match[8] ?? match[9] ?? "");
  }
  return { attributes, positional };
}

const OPENING = /\[(\[?)([a-zA-Z][\w-]*)((?:\s[^\]]*?)?)(\/?)\](\]?)/g;

/**
 * Whether `[name ...]` is a shortcode rather than prose in brackets, like
 * "[sic]" or "[1]". We cannot know which shortcodes the old site registered, so
 * a bracketed word counts when we know it, when it has attributes or a closing
 * tag, or when its name has a hyphen or underscore (`[contact-form]`).
 */
function looksLikeShortcode(name: string, attributes: string, hasClosing: boolean): boolean {
  return KNOWN_SHORTCODES.includes(name.toLowerCase()) || hasClosing || /=/.test(attributes) || /[-_]/.test(name);
}

/** Replaces every shortcode in `text` with `render(shortcode)`; `[[name]]` is WordPress's escape for literal text. */
export function replaceShortcodes(text: string, render: (shortcode: Shortcode) => string): string {
  let output = "";
  let position = 0;
  OPENING.lastIndex = 0;
  for (let match = OPENING.exec(text); match; match = OPENING.exec(text)) {
    const [whole, escapeOpen, name, rawAttributes, selfClosing, escapeClose] = match;
    const start = match.index;
    let end = start + whole.length;
    let content: string | undefined;
    if (!selfClosing && !escapeOpen) {
      const closing = text.toLowerCase().indexOf(`[/${name!.toLowerCase()}]`, end);
      // A closing tag belongs to this shortcode only if no other opening of the same name comes first.
      const nextOpening = text.toLowerCase().indexOf(`[${name!.toLowerCase()}`, end);
      if (closing !== -1 && (nextOpening === -1 || nextOpening > closing)) {
        content = text.slice(end, closing);
        end = closing + name!.length + 3;
      }
    }
    if (!looksLikeShortcode(name!, rawAttributes!, content !== undefined)) continue;
    output += text.slice(position, start);
    if (escapeOpen && escapeClose) {
      output += whole.slice(1, -1);
    } else {
      const { attributes, positional } = parseAttributes(rawAttributes!.trim());
      output += render({ name: name!.toLowerCase(), attributes, positional, content, source: text.slice(start, end) });
    }
    position = end;
    OPENING.lastIndex = end;
  }
  return output + text.slice(position);
}

function image(source: GalleryImage): string {
  return `<img src="${escapeAttribute(source.url)}" alt="${escapeAttribute(source.alt)}">`;
}

function figure(inner: string, caption: string): string {
  return caption.trim() ? `<figure>${inner}<figcaption>${caption.trim()}</figcaption></figure>` : `<figure>${inner}</figure>`;
}

function embedLink(url: string): string {
  const clean = url.trim();
  return `<p><a href="${escapeAttribute(clean)}">${escapeText(clean)}</a></p>`;
}

/**
 * Expands the shortcodes we know into HTML; calls `unknown` for each other one
 * and leaves it as written.
 */
export function expandShortcodes(text: string, context: ShortcodeContext, unknown: (shortcode: Shortcode) => void): string {
  return replaceShortcodes(text, (shortcode) => {
    const { name, attributes, positional, content } = shortcode;
    switch (name) {
      case "caption":
      case "wp_caption": {
        // The caption is the attribute (old style) or the text after the image.
        const inner = expandShortcodes(content ?? "", context, unknown);
        const media = /^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?/i.exec(inner)?.[0] ?? "";
        const caption = attributes.caption ?? inner.slice(media.length);
        return `\n\n${figure(media || inner, caption)}\n\n`;
      }
      case "embed":
      case "youtube":
      case "vimeo": {
        const url = (content ?? positional[0] ?? attributes.url ?? "").trim();
        return url ? `\n\n${embedLink(url)}\n\n` : "";
      }
      case "audio":
      case "video": {
        const url = attributes.src ?? attributes.mp3 ?? attributes.mp4 ?? attributes.m4a ?? attributes.ogg ?? attributes.webm ?? positional[0];
        if (!url) {
          unknown(shortcode);
          return shortcode.source;
        }
        return `\n\n${embedLink(url)}\n\n`;
      }
      case "gallery":
      case "playlist": {
        const images = attributes.ids
          ? attributes.ids.split(",").map((id) => context.attachment(Number(id.trim()))).filter((found) => found !== undefined)
          : context.attachmentsOf(Number(attributes.id ?? context.postId));
        if (images.length === 0) {
          unknown(shortcode);
          return shortcode.source;
        }
        return `\n\n${images.map((found) => figure(image(found), escapeText(found.caption))).join("\n\n")}\n\n`;
      }
      case "code":
      case "sourcecode": {
        const language = attributes.language ?? attributes.lang ?? positional[0] ?? "";
        return `\n\n<pre><code${language ? ` class="language-${escapeAttribute(language)}"` : ""}>${escapeText(content ?? "")}</code></pre>\n\n`;
      }
      default:
        unknown(shortcode);
        return shortcode.source;
    }
  });
}
