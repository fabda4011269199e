// Reads one post file: splits and validates its front matter, and learns from
// its body what the index needs (description, reading time, tweet citations).
import matter from "gray-matter";
import type { MarkdownIt } from "markdown-it";

import { analyzeBody } from "../markdown/index.ts";
import type { Problem } from "../problems.ts";
import { parseYamlSource } from "../yaml-source.ts";
import { DESCRIPTION_MAX_LENGTH, validateFrontMatter, type PostFrontMatter } from "./front-matter.ts";
import { readingMinutes } from "./text.ts";

export type PostStatus = "published" | "draft" | "scheduled";

/** A tweet citation with its line in the post file. */
export interface PostCitation {
  number: number;
  line: number;
  placed: boolean;
}

/** A validated post, before the build decides whether it is published. */
export interface PostSource {
  /** Project-relative path: `posts/2024/foo.md`. */
  file: string;
  frontMatter: PostFrontMatter;
  slug: string;
  url: string;
  /** The Markdown after the front matter. */
  body: string;
  description: string;
  words: number;
  readingMinutes: number;
  /** Every citation: front matter `tweets:` (placed false, line of the key) and mentions in the body. */
  citations: PostCitation[];
  /** Distinct tweet numbers the post cites, front matter first. */
  citedTweets: number[];
  /** Front matter tweets without a `{% tweet N %}` in the body: shown under the title. */
  unplacedTweets: number[];
  /** Line of each entry of `aliases:`, for messages about it. */
  aliasLines: number[];
  /** Line that decides the URL: the `slug:` key, or the first line when the file name does. */
  slugLine: number;
}

/** Normalizes what editors leave behind: a byte order mark and Windows line endings. */
export function normalizeSource(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

export function slugFromFile(file: string): string {
  const name = file.split("/").pop()!.replace(/\.md$/i, "");
  return name.replace(/^\d{4}-\d{2}-\d{2}-/, "");
}

export function postUrl(slug: string): string {
  return `/posts/${slug}/`;
}

/** Parses and validates one post; pure apart from the Markdown parser it is given. */
export function readPost(text: string, file: string, md: MarkdownIt): { post: PostSource | undefined; problems: Problem[] } {
  const source = normalizeSource(text);
  if (!source.startsWith("---\n")) {
    return {
      post: undefined,
      problems: [{ file, line: 1, message: "the file does not start with front matter: put --- on the first line, then title: and date:, then ---" }],
    };
  }
  const split = matter(source, { engines: { yaml: () => ({}) } });
  const frontMatterLines = split.matter.replace(/^\n/, "").split("\n").length;
  const yaml = parseYamlSource(split.matter.replace(/^\n/, ""), file, 2);
  if (yaml.problems.length > 0) return { post: undefined, problems: yaml.problems };
  const { data, problems } = validateFrontMatter(yaml, file);
  if (!data) return { post: undefined, problems };

  const bodyFirstLine = 2 + frontMatterLines + 1;
  const analysis = analyzeBody(md, split.content, DESCRIPTION_MAX_LENGTH);
  const slug = data.slug ?? slugFromFile(file);

  const citations: PostCitation[] = [
    ...data.tweets.map((number, index) => ({ number, line: yaml.lineOf(["tweets", index]), placed: false })),
    ...analysis.citations.map((c) => ({ number: c.number, line: bodyFirstLine + c.bodyLine, placed: c.placed })),
  ];
  const placed = new Set(analysis.citations.filter((c) => c.placed).map((c) => c.number));

  return {
    post: {
      file,
      frontMatter: data,
      slug,
      url: postUrl(slug),
      body: split.content,
      description: data.description ?? analysis.firstParagraph,
      words: analysis.words,
      readingMinutes: readingMinutes(analysis.words),
      citations,
      citedTweets: [...new Set(citations.map((c) => c.number))],
      unplacedTweets: data.tweets.filter((n) => !placed.has(n)),
      aliasLines: data.aliases.map((_, index) => yaml.lineOf(["aliases", index])),
      slugLine: data.slug === undefined ? 1 : yaml.lineOf(["slug"]),
    },
    problems,
  };
}

/** Whether a post appears in a build made on `today` (a `YYYY-MM-DD` day in the site's time zone). */
export function postStatus(frontMatter: PostFrontMatter, today: string): PostStatus {
  if (frontMatter.draft) return "draft";
  return frontMatter.date.day > today ? "scheduled" : "published";
}
