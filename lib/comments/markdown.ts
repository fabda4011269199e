// The Markdown renderer for reader comments: text nobody on the blog wrote, so
// nothing in it may run. A separate instance from the posts' one, with raw HTML
// off: markdown-it then escapes every character of the text and emits only its
// own tags, so the one attribute carrying reader data that a browser could act
// on is a link's href. `validateLink` lets only http, https and mailto links and
// relative ones through (images are off, so there is no src). That is why no
// HTML sanitizer runs after it: there is nothing left for one to remove.
import markdownIt, { type MarkdownIt, type StateCore } from "markdown-it";

const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Whether a (normalized) link target may become an href in a comment. */
export function isSafeCommentLink(url: string): boolean {
  // Browsers drop tabs and newlines inside URLs and strip leading controls and
  // spaces ("java\tscript:" runs); normalizeLink percent-encodes them, but a
  // link with any control character left has no honest use in a comment.
  if (/[\u0000-\u0020\u007f]/.test(url)) return false;
  const scheme = SCHEME.exec(url)?.[1];
  return scheme === undefined ? !url.startsWith("//") : ALLOWED_SCHEMES.has(scheme.toLowerCase());
}

/** Links that leave the site: the ones search engines must not credit to us. */
export function isExternalLink(href: string): boolean {
  return SCHEME.test(href) || href.startsWith("//");
}

/** Marks every external link in a comment `rel="nofollow ugc"` (what the reader links to is theirs, not ours). */
function userContentLinks(md: MarkdownIt): void {
  md.core.ruler.push("comment_link_rel", (state: StateCore) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type !== "link_open") continue;
        const href = String(token.attrGet("href") ?? "");
        if (isExternalLink(href)) token.attrSet("rel", "nofollow ugc");
      }
    }
  });
}

export function createCommentMarkdown(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: true, typographer: true });
  // A reader's "# Title" would break the page outline, and an image would load a
  // stranger's URL for every visitor.
  md.disable(["heading", "lheading", "image"]);
  md.validateLink = isSafeCommentLink;
  return md.use(userContentLinks);
}
