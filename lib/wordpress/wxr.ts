// Reads a WordPress export (WXR: RSS 2.0 with wp:, content:, excerpt: and dc:
// elements) into plain records. A real XML parser, so a truncated or broken
// file is refused with the line where it breaks instead of half-imported.
import { SaxesParser, type SaxesTagPlain } from "saxes";

/** A comment as exported, all fields as text. */
export interface WxrComment {
  id: string;
  author: string;
  authorUrl: string;
  /** Local time of the WordPress site, `YYYY-MM-DD HH:MM:SS`. */
  date: string;
  /** UTC, `YYYY-MM-DD HH:MM:SS`; `0000-00-00 00:00:00` when WordPress never set it. */
  dateGmt: string;
  /** HTML. */
  content: string;
  /** `1`, `0` (pending), `spam` or `trash`. */
  approved: string;
  /** Empty or `comment` for reader comments; `pingback`, `trackback` otherwise. */
  type: string;
  /** Id of the comment this answers, `0` for none. */
  parent: string;
}

/** A category, tag or other term attached to an item. */
export interface WxrTerm {
  /** `category`, `post_tag`, `post_format`, ... */
  domain: string;
  nicename: string;
  name: string;
}

/** One `<item>`: a post, page, attachment, menu item, ... */
export interface WxrItem {
  /** Line of the `<item>` in the export, for messages. */
  line: number;
  title: string;
  link: string;
  guid: string;
  creator: string;
  content: string;
  excerpt: string;
  id: number;
  date: string;
  dateGmt: string;
  /** The slug as stored: may be empty (drafts) or percent-encoded. */
  name: string;
  status: string;
  parent: number;
  type: string;
  password: string;
  /** `open` or `closed`. */
  commentStatus: string;
  attachmentUrl: string;
  terms: WxrTerm[];
  meta: Map<string, string>;
  comments: WxrComment[];
}

export interface WxrExport {
  title: string;
  /** The site's address (`<channel><link>`). */
  link: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  items: WxrItem[];
}

/** The export cannot be read; nothing should be written. */
export class WxrError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(file: string, line: number, column: number, reason: string) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = "WxrError";
    this.line = line;
    this.column = column;
  }
}

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: "title",
  link: "link",
  guid: "guid",
  "dc:creator": "creator",
  "content:encoded": "content",
  "excerpt:encoded": "excerpt",
  "wp:post_date": "date",
  "wp:post_date_gmt": "dateGmt",
  "wp:post_name": "name",
  "wp:status": "status",
  "wp:post_type": "type",
  "wp:post_password": "password",
  "wp:comment_status": "commentStatus",
  "wp:attachment_url": "attachmentUrl",
};

const COMMENT_FIELDS: Record<string, keyof WxrComment> = {
  "wp:comment_id": "id",
  "wp:comment_author": "author",
  "wp:comment_author_url": "authorUrl",
  "wp:comment_date": "date",
  "wp:comment_date_gmt": "dateGmt",
  "wp:comment_content": "content",
  "wp:comment_approved": "approved",
  "wp:comment_type": "type",
  "wp:comment_parent": "parent",
};

function emptyItem(line: number): WxrItem {
  return {
    line,
    title: "",
    link: "",
    guid: "",
    creator: "",
    content: "",
    excerpt: "",
    id: 0,
    date: "",
    dateGmt: "",
    name: "",
    status: "",
    parent: 0,
    type: "",
    password: "",
    commentStatus: "",
    attachmentUrl: "",
    terms: [],
    meta: new Map(),
    comments: [],
  };
}

function emptyComment(): WxrComment {
  return { id: "", author: "", authorUrl: "", date: "", dateGmt: "", content: "", approved: "", type: "", parent: "0" };
}

/** Parses WXR text; throws WxrError naming `file`, line and column when it is not well-formed or not an export. */
export function parseWxr(text: string, file: string): WxrExport {
  const parser = new SaxesParser({ position: true, xmlns: false });
  const result: WxrExport = { title: "", link: "", baseSiteUrl: "", baseBlogUrl: "", items: [] };
  const stack: string[] = [];
  let buffer = "";
  let item: WxrItem | undefined;
  let comment: WxrComment | undefined;
  let term: WxrTerm | undefined;
  let meta: { key: string; value: string } | undefined;
  let failure: WxrError | undefined;

  parser.on("error", (error) => {
    failure ??= new WxrError(file, parser.line, parser.column + 1, reasonOf(error.message));
    throw failure;
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    stack.push(tag.name);
    buffer = "";
    if (stack.length === 1 && tag.name !== "rss") {
      throw new WxrError(file, parser.line, parser.column, `this is not a WordPress export: its root element is <${tag.name}>, not <rss>`);
    }
    if (tag.name === "item" && stack[stack.length - 2] === "channel") item = emptyItem(parser.line);
    else if (item && tag.name === "wp:comment") comment = emptyComment();
    else if (item && tag.name === "wp:postmeta") meta = { key: "", value: "" };
    else if (item && tag.name === "category" && stack.length === 4) {
      term = { domain: String(tag.attributes.domain ?? ""), nicename: String(tag.attributes.nicename ?? ""), name: "" };
    }
  });
  const onText = (chunk: string) => {
    buffer += chunk;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const name = tag.name;
    const parent = stack[stack.length - 2];
    const value = buffer;
    buffer = "";
    if (comment && name === "wp:comment") {
      item!.comments.push(comment);
      comment = undefined;
    } else if (comment && parent === "wp:comment") {
      const field = COMMENT_FIELDS[name];
      if (field) comment[field] = value.trim();
    } else if (meta && name === "wp:postmeta") {
      item!.meta.set(meta.key, meta.value);
      meta = undefined;
    } else if (meta && name === "wp:meta_key") meta.key = value.trim();
    else if (meta && name === "wp:meta_value") meta.value = value;
    else if (term && name === "category") {
      term.name = value.trim();
      item!.terms.push(term);
      term = undefined;
    } else if (item && name === "item") {
      result.items.push(item);
      item = undefined;
    } else if (item && parent === "item") {
      if (name === "wp:post_id") item.id = Number(value.trim());
      else if (name === "wp:post_parent") item.parent = Number(value.trim());
      else {
        const field = ITEM_FIELDS[name];
        if (field) (item[field] as string) = field === "content" || field === "excerpt" ? value : value.trim();
      }
    } else if (parent === "channel") {
      if (name === "title") result.title = value.trim();
      else if (name === "link") result.link = value.trim();
      else if (name === "wp:base_site_url") result.baseSiteUrl = value.trim();
      else if (name === "wp:base_blog_url") result.baseBlogUrl = value.trim();
    }
    stack.pop();
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof WxrError) throw error;
    throw failure ?? new WxrError(file, parser.line, parser.column + 1, reasonOf(error instanceof Error ? error.message : String(error)));
  }
  if (!result.link && !result.baseBlogUrl && result.items.length === 0) {
    throw new WxrError(file, 1, 1, "this is not a WordPress export: it has no <channel> with a <link> or any <item>");
  }
  return result;
}

/** saxes prefixes messages with its own position; ours comes from the parser. */
function reasonOf(message: string): string {
  const reason = message.replace(/^(?:[^:]*:)?\d+:\d+: /, "");
  return /unclosed tag/i.test(reason)
    ? `${reason}: the file ends before the export does (was it cut short while downloading?)`
    : reason;
}
