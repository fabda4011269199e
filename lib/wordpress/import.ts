// Plans a WordPress import: from the parsed export to the files to write and
// the report, without touching the disk. The script writes only after the
// whole plan exists, so a failure part-way leaves the project as it was.
import slugify from "@sindresorhus/slugify";
import { decodeHTML } from "entities";

import { renderDocument } from "../authoring/front-matter.ts";
import { truncateAtWord } from "../content/text.ts";
import { DESCRIPTION_MAX_LENGTH } from "../content/front-matter.ts";
import { postUrl } from "../content/posts.ts";
import { isSiteRoute } from "../site/routes.ts";
import { autop, isBlockContent } from "./autop.ts";
import { wpDay, wpIsoTimestamp } from "./dates.ts";
import { createConverter, htmlToMarkdown } from "./markdown.ts";
import { attachmentRelativePath, OldSite, pathKey } from "./old-site.ts";
import { expandShortcodes, type GalleryImage, type Shortcode } from "./shortcodes.ts";
import type { WxrComment, WxrExport, WxrItem } from "./wxr.ts";

export const UPLOADS_DIR = "assets/uploads";
export const COMMENTS_DIR = "_data/comments";
export const PAGE_LAYOUT = "layouts/page.njk";

/** Page slugs our own site already answers at. */
export const RESERVED_PAGE_SLUGS = ["posts", "tags", "archive", "tweets", "page", "assets", "feed", "search", "comments"];

export interface ImportOptions {
  /** The site's IANA time zone (`_data/site.json`). */
  timeZone: string;
  /** Whether a project-relative file already exists. */
  exists(file: string): boolean;
  /** Slug → file of posts already in the project. */
  existingSlugs: ReadonlyMap<string, string>;
  /** Whether the uploads folder holds this path; absent when no folder was given. */
  hasUpload?: (relativePath: string) => boolean;
  /** Overwrite files that exist. */
  force: boolean;
}

/** An archived comment, as `_data/comments/<slug>.json` holds it. */
export interface ArchivedComment {
  id: string;
  author: string;
  date: string;
  url?: string;
  text: string;
  parent?: string;
}

export interface PlannedWrite {
  file: string;
  contents: string;
}

export interface PlannedCopy {
  /** Path inside the uploads folder. */
  from: string;
  /** Project-relative destination. */
  file: string;
}

/** Exported vs imported, with the reason for every difference. */
export interface Tally {
  exported: number;
  imported: number;
  notes: string[];
}

export interface ImportReport {
  source: string;
  siteTitle: string;
  posts: Tally;
  drafts: Tally;
  scheduled: Tally;
  pages: Tally;
  comments: Tally;
  attachments: Tally;
  redirects: Tally;
  /** Shortcode name → files it was left in. */
  unknownShortcodes: Map<string, Set<string>>;
  rewrittenLinks: Array<{ file: string; from: string; to: string }>;
  /** Links to the old site with nothing to point to here. */
  unresolvedLinks: Array<{ file: string; url: string }>;
  /** Upload URLs left absolute (no uploads folder, or the file is not in it). */
  absoluteUploads: Array<{ file: string; url: string }>;
  /** Files that exist and were left alone (no --force). */
  skipped: string[];
  warnings: string[];
}

export interface ImportPlan {
  writes: PlannedWrite[];
  copies: PlannedCopy[];
  report: ImportReport;
}

interface Planned {
  item: WxrItem;
  kind: "post" | "page";
  slug: string;
  file: string;
  url: string;
  title: string;
  day: string;
  draft: boolean;
  aliases: string[];
  /** The old permalink's path, when it was on the old site. */
  oldPath: string | undefined;
}

const tally = (): Tally => ({ exported: 0, imported: 0, notes: [] });

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Plain text of a WordPress title or excerpt: tags dropped, entities decoded, spaces collapsed. */
export function plainText(html: string): string {
  return decodeHTML(html.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim();
}

/** A slug from WordPress's post_name (often percent-encoded) or, failing that, the title. */
export function importSlug(postName: string, title: string): string {
  let name = postName;
  try {
    name = decodeURIComponent(postName);
  } catch {
    // Keep a malformed escape as written; slugify drops the percent signs.
  }
  return slugify(name, { decamelize: false }) || slugify(title, { decamelize: false });
}

/** Meta description from an excerpt: plain text cut at a word to our limit. */
export function excerptDescription(excerpt: string): string | undefined {
  const text = plainText(excerpt);
  return text ? truncateAtWord(text, DESCRIPTION_MAX_LENGTH) : undefined;
}

/** Tag names from categories and tags, without "Uncategorized" and without repeats. */
export function importTags(item: WxrItem): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const term of item.terms) {
    if (term.domain !== "category" && term.domain !== "post_tag") continue;
    if (term.nicename === "uncategorized") continue;
    const name = plainText(term.name);
    const key = slugify(name) || name.toLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    tags.push(name);
  }
  return tags;
}

/** Removes the block editor's `<!-- wp:... -->` comments and the more/nextpage markers. */
export function stripBlockComments(html: string): string {
  return html.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, "").replace(/<!--\s*(?:more|nextpage|noteaser)\b[^>]*-->/g, "");
}

/** Classic content shows a URL alone on a line as an embed; we keep it as a link. */
export function linkBareUrlLines(html: string): string {
  return html.replace(/^[ \t]*(https?:\/\/[^\s<>"']+)[ \t]*$/gm, (_line, url: string) => `\n<p><a href="${url}">${url}</a></p>\n`);
}

/** WordPress content (classic or blocks) as HTML with paragraphs and shortcodes expanded. */
export function contentHtml(content: string, expand: (html: string) => string): string {
  const blocks = isBlockContent(content);
  let html = stripBlockComments(content);
  html = expand(html);
  return blocks ? html : autop(linkBareUrlLines(html));
}

const READER_COMMENT_TYPES = new Set(["", "comment"]);

export function planImport(wxr: WxrExport, source: string, options: ImportOptions): ImportPlan {
  const report: ImportReport = {
    source,
    siteTitle: wxr.title,
    posts: tally(),
    drafts: tally(),
    scheduled: tally(),
    pages: tally(),
    comments: tally(),
    attachments: tally(),
    redirects: tally(),
    unknownShortcodes: new Map(),
    rewrittenLinks: [],
    unresolvedLinks: [],
    absoluteUploads: [],
    skipped: [],
    warnings: [],
  };
  const writes: PlannedWrite[] = [];
  const copies = new Map<string, PlannedCopy>();
  const site = new OldSite([wxr.link, wxr.baseBlogUrl].filter(Boolean));

  // Attachments: where each file sits in the uploads folder.
  const attachments = new Map<number, { item: WxrItem; relativePath: string; image: GalleryImage }>();
  for (const item of wxr.items.filter((i) => i.type === "attachment" && i.attachmentUrl)) {
    const relativePath = attachmentRelativePath(item.attachmentUrl, item.meta.get("_wp_attached_file"));
    site.addUploadBase(item.attachmentUrl, relativePath);
    attachments.set(item.id, {
      item,
      relativePath,
      image: { url: item.attachmentUrl, alt: plainText(item.meta.get("_wp_attachment_image_alt") ?? "") || plainText(item.title), caption: plainText(item.excerpt) },
    });
  }

  /** The new URL of an upload, planning its copy; undefined when it stays absolute. */
  const uploadUrl = (relativePath: string): string | undefined => {
    if (!options.hasUpload?.(relativePath)) return undefined;
    const file = `${UPLOADS_DIR}/${relativePath}`;
    copies.set(file, { from: relativePath, file });
    return `/${file.split("/").map(encodeURIComponent).join("/")}`;
  };

  // First pass: decide every slug and URL, so links between posts can be rewritten.
  const planned: Planned[] = [];
  const usedSlugs = { post: new Set<string>(), page: new Set<string>(RESERVED_PAGE_SLUGS) };
  const otherTypes = new Map<string, number>();
  for (const item of wxr.items) {
    if (item.type !== "post" && item.type !== "page") {
      if (item.type !== "attachment") otherTypes.set(item.type, (otherTypes.get(item.type) ?? 0) + 1);
      continue;
    }
    const kind = item.type;
    const counts = kind === "post" ? report.posts : report.pages;
    counts.exported++;
    if (item.status === "trash" || item.status === "auto-draft") {
      counts.notes.push(`"${plainText(item.title) || item.id}" (${item.status}) was not imported: WordPress had ${item.status === "trash" ? "deleted it" : "never saved it"}.`);
      continue;
    }
    let title = plainText(item.title);
    if (!title) {
      title = "Untitled";
      report.warnings.push(`${kind} ${item.id} (line ${item.line}) has no title: imported as "Untitled"; give it one.`);
    }
    const day = wpDay(item.date, item.dateGmt, options.timeZone);
    if (!day) {
      counts.notes.push(`"${title}" (line ${item.line}) was not imported: it has no readable date.`);
      continue;
    }
    const protectedPost = item.password !== "";
    const draft = ["draft", "pending", "private"].includes(item.status) || protectedPost;
    if (protectedPost && item.status === "publish") {
      report.warnings.push(`"${title}" was password-protected: imported as a draft so its text is not published; decide what to do with it.`);
    }

    const base = importSlug(item.name, title) || `${kind}-${item.id}`;
    let slug = base;
    let file = "";
    for (let n = 2; ; n++) {
      file = kind === "post" ? `posts/${day.slice(0, 4)}/${slug}.md` : `pages/${slug}.md`;
      const owner = kind === "post" ? options.existingSlugs.get(slug) : undefined;
      const takenHere = usedSlugs[kind].has(slug);
      // An existing post with this slug in the same file is this post, imported before.
      if (!takenHere && (owner === undefined || owner === file)) break;
      slug = `${base}-${n}`;
    }
    if (slug !== base) report.warnings.push(`"${title}": the slug ${base} was taken, so it is ${slug}.`);
    usedSlugs[kind].add(slug);

    const url = kind === "post" ? postUrl(slug) : `/${slug}/`;
    const aliases: string[] = [];
    const oldPath = item.link ? site.pathOf(item.link) : undefined;
    if (oldPath && !oldPath.includes("?") && isSiteRoute(oldPath.toLowerCase())) {
      report.warnings.push(`"${title}" was at ${oldPath}, which this site now uses for its own page: that address no longer leads to it (it is at ${url}).`);
    } else if (oldPath && pathKey(oldPath) !== pathKey(url)) {
      aliases.push(oldPath);
    }
    const idAlias = kind === "post" ? `/?p=${item.id}` : `/?page_id=${item.id}`;
    if (!aliases.some((alias) => pathKey(alias) === pathKey(idAlias))) aliases.push(idAlias);
    planned.push({ item, kind, slug, file, url, title, day, draft, aliases, oldPath });
  }
  for (const [type, count] of otherTypes) {
    report.warnings.push(`${plural(count, `${type} item`)} not imported: they are WordPress site structure (menus, templates, blocks), not content.`);
  }

  // Where every old address goes now.
  const redirects = new Map<string, string>();
  for (const entry of planned) {
    for (const alias of entry.aliases) redirects.set(pathKey(alias), entry.url);
    if (entry.oldPath) redirects.set(pathKey(entry.oldPath), entry.url);
    redirects.set(pathKey(`/?p=${entry.item.id}`), entry.url);
    if (entry.item.guid) {
      const guidPath = site.pathOf(entry.item.guid);
      if (guidPath) redirects.set(pathKey(guidPath), entry.url);
    }
  }
  for (const [id, attachment] of attachments) {
    const target = uploadUrl(attachment.relativePath) ?? attachment.item.attachmentUrl;
    const page = attachment.item.link ? site.pathOf(attachment.item.link) : undefined;
    if (page) redirects.set(pathKey(page), target);
    redirects.set(pathKey(`/?attachment_id=${id}`), target);
  }
  const tagsInUse = new Map<string, string>();
  for (const entry of planned) {
    if (entry.kind !== "post" || entry.draft) continue;
    for (const term of entry.item.terms) {
      const name = plainText(term.name);
      const tagSlug = slugify(name) || "tag";
      if (term.domain === "category") tagsInUse.set(pathKey(`/category/${term.nicename}/`), `/tags/${tagSlug}/`);
      if (term.domain === "post_tag") tagsInUse.set(pathKey(`/tag/${term.nicename}/`), `/tags/${tagSlug}/`);
    }
  }
  for (const [key, url] of tagsInUse) if (!redirects.has(key)) redirects.set(key, url);
  redirects.set("/", "/");

  const galleryOf = (postId: number) =>
    [...attachments.values()]
      .filter((a) => a.item.parent === postId && /\.(?:jpe?g|png|gif|webp|avif|svg)$/i.test(a.relativePath))
      .map((a) => a.image);

  // Second pass: bodies, comments and files.
  for (const entry of planned) {
    const { item, kind, file } = entry;
    const converter = createConverter({
      rewriteUrl(url, what) {
        const uploadPath = site.uploadPathOf(url);
        if (uploadPath !== undefined) {
          const local = uploadUrl(uploadPath);
          if (local) return local;
          report.absoluteUploads.push({ file, url });
          return url.startsWith("//") ? `https:${url}` : url;
        }
        const oldPath = site.pathOf(url);
        if (oldPath === undefined || (url.startsWith("/") && what === "image")) return url;
        const hash = url.includes("#") ? url.slice(url.indexOf("#")) : "";
        const target = redirects.get(pathKey(oldPath));
        if (target === undefined) {
          report.unresolvedLinks.push({ file, url });
          return url.startsWith("/") && wxr.link ? `${wxr.link.replace(/\/$/, "")}${url}` : url;
        }
        const to = `${target}${hash}`;
        report.rewrittenLinks.push({ file, from: url, to });
        return to;
      },
    });
    const unknown = (shortcode: Shortcode) => {
      const files = report.unknownShortcodes.get(shortcode.name) ?? new Set<string>();
      files.add(file);
      report.unknownShortcodes.set(shortcode.name, files);
    };
    const context = {
      postId: item.id,
      attachmentsOf: galleryOf,
      attachment: (id: number) => attachments.get(id)?.image,
    };
    const body = htmlToMarkdown(contentHtml(item.content, (html) => expandShortcodes(html, context, unknown)), converter);
    const description = excerptDescription(item.excerpt);

    const contents =
      kind === "post"
        ? renderDocument(
            {
              title: entry.title,
              date: entry.day,
              description,
              tags: importTags(item),
              draft: entry.draft || undefined,
              aliases: entry.aliases,
              // Closed on WordPress, closed here; archived comments are still shown.
              comments: item.commentStatus === "closed" ? false : undefined,
            },
            body,
          )
        : renderDocument(
            {
              title: entry.title,
              description,
              layout: PAGE_LAYOUT,
              // A draft page is kept but not published.
              permalink: entry.draft ? false : entry.url,
              aliases: entry.aliases,
            },
            body,
          );

    const counts = kind === "post" ? report.posts : report.pages;
    if (write(file, contents)) {
      counts.imported++;
      if (kind === "post" && entry.draft) report.drafts.imported++;
      if (kind === "post" && item.status === "future") report.scheduled.imported++;
      report.redirects.imported += entry.aliases.length;
    }
    if (kind === "post" && entry.draft) report.drafts.exported++;
    if (kind === "post" && item.status === "future") report.scheduled.exported++;
    if (kind === "page" && entry.draft) report.pages.notes.push(`"${entry.title}" is a draft: written with permalink: false, so it is not published.`);
    report.redirects.exported += entry.aliases.length;

    planComments(entry, converter);
  }

  function write(file: string, contents: string): boolean {
    if (options.exists(file) && !options.force) {
      report.skipped.push(file);
      return false;
    }
    writes.push({ file, contents });
    return true;
  }

  function planComments(entry: Planned, converter: ReturnType<typeof createConverter>): void {
    const all = entry.item.comments;
    if (all.length === 0) return;
    report.comments.exported += all.length;
    const byId = new Map(all.map((c) => [c.id, c]));
    const isPublished = (c: WxrComment) => c.approved === "1" && READER_COMMENT_TYPES.has(c.type);
    const published = all.filter(isPublished);
    const where = `"${entry.title}"`;
    const notPublished = (label: string, test: (c: WxrComment) => boolean) => {
      const count = all.filter(test).length;
      if (count > 0) report.comments.notes.push(`${plural(count, `${label} comment`)} on ${where} not published.`);
    };
    notPublished("pending", (c) => c.approved === "0");
    notPublished("spam", (c) => c.approved === "spam");
    notPublished("trashed", (c) => c.approved === "trash");
    const pings = all.filter((c) => c.approved === "1" && !READER_COMMENT_TYPES.has(c.type)).length;
    if (pings > 0) report.comments.notes.push(`${plural(pings, "pingback or trackback", "pingbacks and trackbacks")} on ${where} not imported: they are notices from other sites, not reader comments.`);
    if (published.length === 0) return;
    if (entry.kind === "page") {
      report.comments.notes.push(`${plural(published.length, "approved comment")} on page ${where} not imported: pages here have no comments.`);
      return;
    }

    const publishedIds = new Set(published.map((c) => c.id));
    const archived: ArchivedComment[] = [];
    for (const comment of published) {
      // A reply to a comment that is not published answers its nearest published ancestor.
      let parent = comment.parent;
      const seen = new Set<string>();
      while (parent !== "0" && parent !== "" && !publishedIds.has(parent) && !seen.has(parent)) {
        seen.add(parent);
        parent = byId.get(parent)?.parent ?? "0";
      }
      const date = wpIsoTimestamp(comment.date, comment.dateGmt);
      if (!date) {
        report.comments.notes.push(`comment ${comment.id} on ${where} not imported: it has no readable date.`);
        continue;
      }
      const text = htmlToMarkdown(autop(comment.content), converter);
      archived.push({
        id: comment.id,
        author: plainText(comment.author) || "Anonymous",
        date,
        ...(/^https?:\/\/\S+$/i.test(comment.authorUrl) && { url: comment.authorUrl }),
        text,
        ...(publishedIds.has(parent) && { parent }),
      });
    }
    archived.sort((a, b) => a.date.localeCompare(b.date) || Number(a.id) - Number(b.id));
    if (write(`${COMMENTS_DIR}/${entry.slug}.json`, `${JSON.stringify(archived, null, 2)}\n`)) {
      report.comments.imported += archived.length;
    }
  }

  // Attachments: every file of the export that the uploads folder holds is copied, used or not.
  report.attachments.exported = attachments.size;
  if (!options.hasUpload) {
    if (attachments.size > 0) report.attachments.notes.push(`no uploads folder given (--uploads): ${plural(attachments.size, "attachment")} left at their old absolute URLs.`);
  } else {
    const missing: string[] = [];
    for (const attachment of attachments.values()) {
      if (!uploadUrl(attachment.relativePath)) missing.push(attachment.relativePath);
    }
    if (missing.length > 0) report.attachments.notes.push(`${plural(missing.length, "attachment")} not found in the uploads folder, left at the old URL: ${missing.join(", ")}`);
  }
  const copyList: PlannedCopy[] = [];
  for (const copy of [...copies.values()].sort((a, b) => a.file.localeCompare(b.file))) {
    if (options.exists(copy.file) && !options.force) report.skipped.push(copy.file);
    else copyList.push(copy);
  }
  const attachmentFiles = new Set([...attachments.values()].map((a) => `${UPLOADS_DIR}/${a.relativePath}`));
  report.attachments.imported = [...copies.keys()].filter((f) => attachmentFiles.has(f)).length;
  const extraFiles = copies.size - report.attachments.imported;
  if (extraFiles > 0) report.attachments.notes.push(`${plural(extraFiles, "more upload")} (resized copies and files without an attachment entry) copied because posts use them.`);

  explainDifferences(report);
  return { writes, copies: copyList, report };
}

function explainDifferences(report: ImportReport): void {
  const skippedPosts = report.skipped.filter((f) => f.startsWith("posts/")).length;
  const skippedPages = report.skipped.filter((f) => f.startsWith("pages/")).length;
  const skippedComments = report.skipped.filter((f) => f.startsWith(`${COMMENTS_DIR}/`)).length;
  if (skippedPosts) report.posts.notes.push(`${plural(skippedPosts, "post")} already in the project, left as they are (use --force to overwrite).`);
  if (skippedPages) report.pages.notes.push(`${plural(skippedPages, "page")} already in the project, left as they are (use --force to overwrite).`);
  if (skippedComments) report.comments.notes.push(`${plural(skippedComments, "comments file")} already in the project, left as they are (use --force to overwrite).`);
  if (report.redirects.exported !== report.redirects.imported) {
    report.redirects.notes.push("old addresses of posts and pages that were not written (see above) are not redirected by this run.");
  }
}
