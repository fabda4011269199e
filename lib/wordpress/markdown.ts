// WordPress HTML to the Markdown our posts are written in, with turndown and
// rules for what WordPress produces: captioned figures, embeds, tables,
// preformatted text. Links and images go through `rewriteUrl`, so old-site
// addresses and uploads point at their new homes.
import TurndownService from "turndown";

export interface MarkdownOptions {
  /** The new address for a link or image URL (return it unchanged to keep it). */
  rewriteUrl(url: string, kind: "link" | "image"): string;
}

/** Inline elements Markdown has no syntax for, kept as plain HTML tags around converted content. */
const INLINE_HTML = ["sup", "sub", "ins", "kbd", "mark", "small", "u", "q", "cite", "abbr"] as const;

/** Wraps a URL so spaces and parentheses in it cannot end the Markdown link early. */
function linkDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

function escapeLinkText(text: string): string {
  return text.replace(/([\\[\]])/g, "\\$1");
}

function attribute(node: HTMLElement, name: string): string {
  return (node.getAttribute(name) ?? "").trim();
}

/** domino, turndown's DOM in Node, answers a failed querySelector with undefined. */
function firstDescendant(node: HTMLElement, selector: string): HTMLElement | null {
  return (node.querySelector(selector) as HTMLElement | null | undefined) ?? null;
}

function isEmbedFigure(node: HTMLElement): boolean {
  return /\bwp-block-embed\b/.test(node.className) || /\bwp-embed\b/.test(node.className);
}

/** The URL an embed shows: the wrapper's text, or the iframe or video inside. */
function embedUrl(node: HTMLElement): string {
  const wrapper = firstDescendant(node, ".wp-block-embed__wrapper");
  const text = (wrapper ?? node).textContent?.trim().split(/\s+/)[0] ?? "";
  if (/^https?:\/\//.test(text)) return text;
  const media = firstDescendant(node, "iframe[src], video[src], audio[src], source[src], embed[src]");
  return media ? attribute(media, "src") : "";
}

function autolink(url: string): string {
  return /^https?:\/\/\S+$/.test(url) ? `<${url}>` : `[${escapeLinkText(url)}](${linkDestination(url)})`;
}

export function createConverter(options: MarkdownOptions): TurndownService {
  const service = new TurndownService({
    headingStyle: "atx",
    hr: "---",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    emDelimiter: "_",
    strongDelimiter: "**",
    br: "\\",
  });

  service.remove(["script", "style", "noscript", "input", "select", "textarea", "template"] as never);

  service.addRule("image", {
    filter: "img",
    replacement(_content, node) {
      const src = attribute(node, "src");
      if (!src) return "";
      const title = attribute(node, "title");
      const alt = escapeLinkText(attribute(node, "alt").replace(/\s+/g, " "));
      const url = linkDestination(options.rewriteUrl(src, "image"));
      return `![${alt}](${url}${title ? ` "${title.replace(/"/g, '\\"')}"` : ""})`;
    },
  });

  service.addRule("link", {
    filter: (node) => node.nodeName === "A",
    replacement(content, node) {
      const href = attribute(node, "href");
      if (!href || href.startsWith("javascript:")) return content;
      const url = options.rewriteUrl(href, "link");
      if (!content.trim()) return "";
      const text = node.textContent?.trim() ?? "";
      if (text === href && /^https?:\/\/\S+$/.test(url) && node.children.length === 0) return `<${url}>`;
      const title = attribute(node, "title");
      return `[${content.trim()}](${linkDestination(url)}${title ? ` "${title.replace(/"/g, '\\"')}"` : ""})`;
    },
  });

  service.addRule("embed", {
    filter: (node) => ["IFRAME", "VIDEO", "AUDIO", "EMBED", "OBJECT"].includes(node.nodeName) || (node.nodeName === "FIGURE" && isEmbedFigure(node)),
    replacement(_content, node) {
      const url = node.nodeName === "FIGURE" ? embedUrl(node) : attribute(node, "src") || attribute(node, "data") || embedUrl(node);
      if (!url) return "";
      const caption = node.nodeName === "FIGURE" ? firstDescendant(node, "figcaption")?.textContent?.trim() : "";
      const link = autolink(options.rewriteUrl(url, "link"));
      return `\n\n${link}${caption ? `\\\n${service.escape(caption)}` : ""}\n\n`;
    },
  });

  // A figure with a caption stays a <figure>: its parts are Markdown between HTML lines.
  service.addRule("figcaption", {
    filter: "figcaption",
    replacement: (content) => (content.trim() ? `\n\n<figcaption>\n\n${content.trim()}\n\n</figcaption>\n\n` : ""),
  });
  service.addRule("figure", {
    filter: (node) => node.nodeName === "FIGURE" && firstDescendant(node, "figure") === null && firstDescendant(node, "figcaption") !== null,
    replacement: (content) => `\n\n<figure>\n\n${content.trim()}\n\n</figure>\n\n`,
  });

  service.addRule("strikethrough", {
    filter: ["del", "s", "strike" as never],
    replacement: (content) => (content.trim() ? `~~${content}~~` : ""),
  });

  service.addRule("inlineHtml", {
    filter: [...INLINE_HTML],
    replacement(content, node) {
      const name = node.nodeName.toLowerCase();
      const title = name === "abbr" ? attribute(node, "title") : "";
      return content ? `<${name}${title ? ` title="${title.replace(/"/g, "&quot;")}"` : ""}>${content}</${name}>` : "";
    },
  });

  service.addRule("preformatted", {
    filter: (node) => node.nodeName === "PRE" && !(node.firstChild?.nodeName === "CODE" && node.childNodes.length === 1),
    replacement(_content, node) {
      const text = (node.textContent ?? "").replace(/\n$/, "");
      const fence = text.includes("```") ? "~~~~" : "```";
      return `\n\n${fence}\n${text}\n${fence}\n\n`;
    },
  });

  // Tables become GitHub-style tables (markdown-it renders them); the first row is the header.
  service.addRule("tableCell", {
    filter: ["th", "td"],
    replacement: (content) => ` ${content.trim().replace(/\s*\n+\s*/g, " ").replace(/\|/g, "\\|")} |`,
  });
  service.addRule("tableRow", {
    filter: "tr",
    replacement(content, node) {
      const table = node.closest("table");
      const isFirst = table?.querySelector("tr") === node;
      const cells = node.querySelectorAll("th, td").length;
      return `\n|${content}${isFirst ? `\n|${" --- |".repeat(cells)}` : ""}`;
    },
  });
  service.addRule("tableSection", { filter: ["thead", "tbody", "tfoot"], replacement: (content) => content });
  service.addRule("tableCaption", { filter: "caption", replacement: () => "" });
  service.addRule("table", {
    filter: "table",
    replacement(content, node) {
      const caption = firstDescendant(node, "caption")?.textContent?.trim();
      const rows = content.split("\n").filter((line) => line.trim()).join("\n");
      return `\n\n${caption ? `${service.escape(caption)}\n\n` : ""}${rows}\n\n`;
    },
  });

  service.addRule("details", {
    filter: "details",
    replacement(content, node) {
      const summary = firstDescendant(node, "summary")?.textContent?.trim() ?? "";
      return `\n\n<details>\n<summary>${summary.replace(/[<&]/g, (c) => (c === "<" ? "&lt;" : "&amp;"))}</summary>\n\n${content.trim()}\n\n</details>\n\n`;
    },
  });
  service.addRule("summary", { filter: "summary", replacement: () => "" });

  // "- item" with nested content indented two spaces, as our posts are written.
  service.addRule("listItem", {
    filter: "li",
    replacement(content, node) {
      const parent = node.parentNode as HTMLElement | null;
      let marker = "- ";
      if (parent?.nodeName === "OL") {
        const start = Number(parent.getAttribute("start") ?? 1) || 1;
        marker = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const body = content.replace(/^\n+/, "").replace(/\s+$/, "").replace(/\n/g, `\n${" ".repeat(marker.length)}`);
      // A nested list follows its item's text directly, keeping the outer list tight.
      return `${marker}${body.replace(/\n\s+\n/g, "\n\n").replace(/\n\n(\s+(?:[-*+]|\d+\.) )/g, "\n$1")}\n`;
    },
  });

  service.addRule("definitionTerm", { filter: "dt", replacement: (content) => `\n\n**${content.trim()}**\n\n` });
  service.addRule("definition", { filter: "dd", replacement: (content) => `\n\n${content.trim()}\n\n` });
  service.addRule("button", { filter: "button", replacement: (content) => content });

  return service;
}

/** Converts HTML to Markdown with the rules above. */
export function htmlToMarkdown(html: string, converter: TurndownService): string {
  return converter
    .turndown(html)
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
