// What the comments section under a post shows, decided here so the partial
// only lays it out: the archived comments as a thread tree, and the giscus
// settings for this post (or the setup note, or nothing).
import type { MarkdownIt } from "markdown-it";

import { readableDate } from "../filters/dates.ts";
import type { GiscusSettings } from "../site/settings.ts";
import type { ArchivedComment } from "./archive.ts";

/** One archived comment, ready to lay out. */
export interface CommentView {
  id: string;
  /** `comment-<id>`: the fragment WordPress used, so old links to a comment still land on it. */
  anchor: string;
  author: string;
  /** The author's website; http or https only, checked when the file was validated. */
  url: string | undefined;
  /** For `<time datetime>`: the day as written, or the full instant when the file gives a time. */
  datetime: string;
  dateLabel: string;
  /** The text rendered by the comment renderer (raw HTML off, links checked): safe to insert. */
  html: string;
  replies: CommentView[];
}

/** What `<giscus-widget>` needs for one post, as the partial writes it into data attributes. */
export interface GiscusView {
  repo: string;
  repoId: string;
  category: string;
  categoryId: string;
  /** The discussion this post maps to: front matter `discussion`, else the slug. */
  term: string;
  reactions: "1" | "0";
  inputPosition: "top" | "bottom";
  lang: string;
  loading: "lazy" | "click";
  /** Where a reader without JavaScript (or without giscus) finds the thread. */
  discussionsUrl: string;
}

export interface CommentSection {
  archive: CommentView[];
  giscus: GiscusView | undefined;
  /** Development only: giscus is not configured, so say how to set it up. */
  setupNote: boolean;
}

export interface CommentSectionInput {
  slug: string;
  frontMatter: { comments: boolean; discussion?: string };
  archive: readonly ArchivedComment[] | undefined;
  giscus: GiscusSettings | undefined;
  production: boolean;
  locale: string;
  md: MarkdownIt;
}

/** The section for one post, or undefined when it has nothing to show. */
export function commentSection(input: CommentSectionInput): CommentSection | undefined {
  if (!input.frontMatter.comments) return undefined;
  const archive = threadComments(input.archive ?? [], input.md, input.locale);
  const giscus = input.giscus ? giscusView(input.giscus, input.frontMatter.discussion ?? input.slug) : undefined;
  const setupNote = !input.giscus && !input.production;
  if (archive.length === 0 && !giscus && !setupNote) return undefined;
  return { archive, giscus, setupNote };
}

export function giscusView(settings: GiscusSettings, term: string): GiscusView {
  return {
    repo: settings.repo,
    repoId: settings.repoId,
    category: settings.category,
    categoryId: settings.categoryId,
    term,
    reactions: settings.reactions ? "1" : "0",
    inputPosition: settings.inputPosition,
    lang: settings.lang,
    loading: settings.loading,
    discussionsUrl: discussionsUrl(settings.repo, term),
  };
}

/** GitHub's discussion search for the term: giscus titles a post's discussion with it. */
export function discussionsUrl(repo: string, term: string): string {
  return `https://github.com/${repo}/discussions?discussions_q=${encodeURIComponent(term)}`;
}

/** Nests replies under their parents, keeping file order at every level; linear in comments. */
export function threadComments(comments: readonly ArchivedComment[], md: MarkdownIt, locale: string): CommentView[] {
  const roots: CommentView[] = [];
  const byId = new Map<string, CommentView>();
  for (const comment of comments) {
    const view: CommentView = {
      id: comment.id,
      anchor: `comment-${comment.id}`,
      author: comment.author,
      url: comment.url,
      datetime: comment.date.trim().length > 10 ? comment.instant.toISOString().replace(/\.000Z$/, "Z") : comment.day,
      dateLabel: readableDate(new Date(`${comment.day}T00:00:00Z`), locale),
      html: md.render(comment.text),
      replies: [],
    };
    byId.set(comment.id, view);
    const parent = comment.parent === undefined ? undefined : byId.get(comment.parent);
    (parent ? parent.replies : roots).push(view);
  }
  return roots;
}
