// Archived comments: what readers wrote before the blog moved here (from
// WordPress, say), one JSON file per post in `_data/comments/<slug>.json`.
// One file per post keeps imports and diffs per post, and a file whose slug no
// longer names a post is caught on its own. Validated like all data: every
// problem with its file:line, all of them in one run.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { z } from "zod";

import { parseCalendarDate } from "../content/dates.ts";
import { suggestKey, type Problem } from "../problems.ts";
import { parseYamlSource, valueAt, type YamlSource } from "../yaml-source.ts";

export const COMMENTS_DIR = "_data/comments";

/** One archived comment, as the importer writes it and the author may edit it. */
export interface ArchivedComment {
  /** Unique within the file; becomes the `#comment-<id>` anchor, so WordPress links keep working. */
  id: string;
  author: string;
  /** As written: `YYYY-MM-DD`, or an ISO 8601 date-time with its offset. */
  date: string;
  /** The written calendar day, `YYYY-MM-DD`. */
  day: string;
  /** The instant, for `<time datetime>` (a bare day is midnight UTC). */
  instant: Date;
  /** The author's website (http or https only). */
  url?: string;
  /** Markdown from the reader: untrusted, rendered with raw HTML off. */
  text: string;
  /** Id of an earlier comment in the same file this one replies to. */
  parent?: string;
}

/** Archived comments by post slug, in file order. */
export type CommentArchive = Map<string, ArchivedComment[]>;

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})$/;

const text = (what: string) =>
  z.string({ error: `${what} must be text` }).trim().min(1, { error: `${what} must not be empty` });

const commentShape = {
  id: z
    .string({ error: 'id must be text in quotes, like "1042" or "c1"' })
    .regex(ID_PATTERN, { error: "id may hold only letters, digits, - and _ (it becomes the #comment-<id> anchor)" }),
  author: text("author"),
  date: z.string({ error: 'date must be text, like "2020-11-18" or "2020-11-18T09:14:00-06:00"' }),
  url: z
    .url({ protocol: /^https?$/, error: "url must be an http:// or https:// address, like https://example.com" })
    .optional(),
  text: text("text"),
  parent: z.string({ error: "parent must be the id (text) of an earlier comment in this file" }).optional(),
};

const commentSchema = z.object(commentShape);

export const COMMENT_KEYS = Object.keys(commentShape);

/** The post slug a comment file belongs to: `_data/comments/<slug>.json`. */
export function slugOfCommentFile(file: string): string {
  return path.posix.basename(file).replace(/\.json$/i, "");
}

/**
 * Validates one parsed comment file. `knownSlugs` are the slugs of every post
 * (published or not): comments for a slug without a post would be lost silently.
 */
export function validateCommentFile(
  source: YamlSource,
  file: string,
  knownSlugs: ReadonlySet<string>,
): { comments: ArchivedComment[]; problems: Problem[] } {
  const problems: Problem[] = [...source.problems];
  const slug = slugOfCommentFile(file);
  if (!knownSlugs.has(slug)) {
    const suggestion = suggestKey(slug, [...knownSlugs]);
    problems.push({
      file,
      line: 0,
      message: `no post has the slug "${slug}": ${
        suggestion ? `did you mean ${COMMENTS_DIR}/${suggestion}.json? ` : ""
      }name the file after the slug of the post its comments belong to`,
    });
  }
  if (source.problems.length > 0) return { comments: [], problems };
  const value = source.value;
  if (!Array.isArray(value)) {
    problems.push({ file, line: 1, message: "archived comments must be a JSON array of comments: [ { \"id\": ..., \"author\": ..., \"date\": ..., \"text\": ... } ]" });
    return { comments: [], problems };
  }

  const comments: ArchivedComment[] = [];
  const seen = new Set<string>();
  value.forEach((entry: unknown, index) => {
    const before = problems.length;
    const comment = validateComment(source, file, entry, index, problems);
    // Ids and parents are checked from the raw values, so a comment with other
    // problems still reports these in the same run.
    const id = valueAt(entry, ["id"]);
    const parent = valueAt(entry, ["parent"]);
    if (typeof id === "string" && seen.has(id)) {
      problems.push({ file, line: source.lineOf([index, "id"]), message: `id "${id}" is used by an earlier comment in this file: ids must be unique` });
    }
    if (typeof parent === "string" && !seen.has(parent)) {
      const later = value.slice(index + 1).some((other: unknown) => valueAt(other, ["id"]) === parent);
      problems.push({
        file,
        line: source.lineOf([index, "parent"]),
        message: later
          ? `parent "${parent}" comes later in the file: a reply must follow the comment it answers`
          : `parent "${parent}" is not the id of any comment in this file`,
      });
    }
    if (typeof id === "string") seen.add(id);
    if (comment && problems.length === before) comments.push(comment);
  });
  return { comments, problems };
}

function validateComment(
  source: YamlSource,
  file: string,
  entry: unknown,
  index: number,
  problems: Problem[],
): ArchivedComment | undefined {
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
    problems.push({ file, line: source.lineOf([index]), message: `comment ${index + 1} must be an object with id, author, date and text` });
    return undefined;
  }
  const record = entry as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (COMMENT_KEYS.includes(key)) continue;
    const suggestion = suggestKey(key, COMMENT_KEYS);
    problems.push({
      file,
      line: source.keyLineOf([index, key]),
      message: suggestion
        ? `unknown key "${key}": did you mean "${suggestion}"?`
        : `unknown key "${key}": a comment may have ${COMMENT_KEYS.join(", ")}`,
    });
  }
  const result = commentSchema.safeParse(record);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0]);
      const missing = issue.code === "invalid_type" && record[key] === undefined;
      problems.push({
        file,
        line: missing ? source.lineOf([index]) : source.lineOf([index, ...(issue.path as Array<string | number>)]),
        message: missing ? `comment ${index + 1} has no ${key}: add "${key}"` : issue.message,
      });
    }
  }
  const parsed = typeof record.date === "string" ? commentDate(record.date) : undefined;
  if (typeof record.date === "string" && !parsed) {
    const noOffset = parseCalendarDate(record.date) && /T\d/.test(record.date);
    problems.push({
      file,
      line: source.lineOf([index, "date"]),
      message: noOffset
        ? `date "${record.date}" has a time but no offset: add Z (UTC) or the offset, like 2020-11-18T09:14:00-06:00`
        : `date "${record.date}" is not a real date: write YYYY-MM-DD, or a date-time with its offset like 2020-11-18T09:14:00-06:00`,
    });
  }
  if (!result.success || !parsed) return undefined;
  const { id, author, date, url, text: body, parent } = result.data;
  return { id, author, date, day: parsed.day, instant: parsed.date, url, text: body, parent };
}

/** A date-time needs its offset: without one the same file would mean different moments on different machines. */
export function commentDate(text: string): ReturnType<typeof parseCalendarDate> {
  const trimmed = text.trim();
  if (!DATE_ONLY.test(trimmed) && !DATE_TIME.test(trimmed)) return undefined;
  return parseCalendarDate(trimmed);
}

/**
 * Parses a comment file as JSON, with lines from the YAML parser (JSON is
 * YAML). Tabs are JSON whitespace, though YAML indentation forbids them, and a
 * literal tab cannot occur inside a JSON string: so they become spaces. Syntax
 * is judged as JSON (Eleventy reads the same file with JSON.parse), so what
 * YAML would forgive (comments, bare words, trailing commas) is an error.
 */
export function parseCommentFile(text: string, file: string): YamlSource {
  const source = parseYamlSource(text.replace(/\t/g, " "), file);
  const error = jsonSyntaxError(text);
  if (!error) return source;
  return { ...source, value: undefined, problems: [{ file, line: error.line, message: `not valid JSON: ${error.message}` }] };
}

/**
 * The first JSON syntax error in `text`, with its line. JSON.parse says what is
 * wrong but, on Node 20, not where; this small scanner finds the place.
 */
export function jsonSyntaxError(text: string): { line: number; message: string } | undefined {
  let at = 0;
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { offset: at });
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, at)) at += word.length;
    else fail(`unexpected ${describe()}`);
  };
  const describe = () => (at >= text.length ? "end of file" : `"${text[at]}"`);
  const string = () => {
    const match = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(at));
    if (!match) fail("a string is not closed, or holds a raw control character or a bad escape");
    at += match![0].length;
  };
  const value = (): void => {
    space();
    const c = text[at];
    if (c === "{") {
      at++;
      space();
      if (text[at] === "}") return void at++;
      for (;;) {
        space();
        if (text[at] !== '"') fail(text[at] === "}" ? 'a comma before "}": remove it' : `expected a key in quotes, found ${describe()}`);
        string();
        space();
        if (text[at] !== ":") fail(`expected ":" after the key, found ${describe()}`);
        at++;
        value();
        space();
        if (text[at] === ",") at++;
        else if (text[at] === "}") return void at++;
        else fail(`expected "," or "}", found ${describe()}`);
      }
    }
    if (c === "[") {
      at++;
      space();
      if (text[at] === "]") return void at++;
      for (;;) {
        space();
        if (text[at] === "]") fail('a comma before "]": remove it');
        value();
        space();
        if (text[at] === ",") at++;
        else if (text[at] === "]") return void at++;
        else fail(`expected "," or "]", found ${describe()}`);
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
    if (!number) fail(`unexpected ${describe()}`);
    at += number![0].length;
  };
  try {
    value();
    space();
    if (at < text.length) fail(`unexpected ${describe()} after the end of the data`);
    return undefined;
  } catch (error) {
    const offset = (error as { offset?: number }).offset ?? 0;
    return { line: text.slice(0, offset).split("\n").length, message: (error as Error).message };
  }
}

/** Every comment file in the project, as sorted project-relative paths. */
export function listCommentFiles(root: string): string[] {
  const dir = path.join(root, COMMENTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith("."))
    .map((name) => `${COMMENTS_DIR}/${name}`)
    .sort();
}

/** Reads and validates every comment file; called by `loadContent`, so the build and the check both report its problems. */
export function loadArchivedComments(
  root: string,
  posts: ReadonlyArray<{ slug: string }>,
): { archive: CommentArchive; problems: Problem[] } {
  const knownSlugs = new Set(posts.map((post) => post.slug));
  const archive: CommentArchive = new Map();
  const problems: Problem[] = [];
  for (const file of listCommentFiles(root)) {
    if (!file.endsWith(".json")) {
      problems.push({ file, line: 0, message: `only <slug>.json files belong in ${COMMENTS_DIR}/: convert it to JSON or move it elsewhere` });
      continue;
    }
    const text = readFileSync(path.join(root, file), "utf8").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
    const result = validateCommentFile(parseCommentFile(text, file), file, knownSlugs);
    problems.push(...result.problems);
    if (result.comments.length > 0) archive.set(slugOfCommentFile(file), result.comments);
  }
  return { archive, problems };
}
