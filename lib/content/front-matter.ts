// The post front matter schema: the one place that decides what an author may
// write at the top of a post, and the messages they get when it is wrong.
import { z } from "zod";

import { suggestKey, type Problem } from "../problems.ts";
import type { YamlSource } from "../yaml-source.ts";
import { parseCalendarDate, type CalendarDate } from "./dates.ts";
import { graphemeLength } from "./text.ts";

export const DESCRIPTION_MAX_LENGTH = 200;

/** Front matter of a post after validation. */
export interface PostFrontMatter {
  title: string;
  date: CalendarDate;
  description?: string;
  tags: string[];
  draft: boolean;
  updated?: CalendarDate;
  slug?: string;
  /** Tweet numbers the post cites. */
  tweets: number[];
  /** Markdown for the P.S.; the site default applies when absent. */
  ps?: string;
  image?: string;
  imageAlt?: string;
  /** Old URLs (paths, or `/?p=123`) that redirect to this post. */
  aliases: string[];
  comments: boolean;
  /** Pins the comment thread to this term instead of the slug. */
  discussion?: string;
}

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const nonEmpty = (what: string) =>
  z.string({ error: `${what} must be text` }).trim().min(1, { error: `${what} must not be empty` });

const shape = {
  title: nonEmpty("title"),
  date: z.unknown().optional(),
  description: nonEmpty("description")
    .refine((text) => graphemeLength(text) <= DESCRIPTION_MAX_LENGTH, {
      error: `description is longer than ${DESCRIPTION_MAX_LENGTH} characters: shorten it`,
    })
    .optional(),
  tags: z.array(nonEmpty("a tag"), { error: "tags must be a list, like [networking, interviews]" }).optional(),
  draft: z.boolean({ error: "draft must be true or false" }).optional(),
  updated: z.unknown().optional(),
  slug: z
    .string({ error: "slug must be text" })
    .regex(SLUG_PATTERN, { error: "slug may hold only lowercase letters, digits and single hyphens, like my-first-post" })
    .optional(),
  tweets: z
    .array(z.number({ error: "a tweet number must be a whole number" }).int({ error: "a tweet number must be a whole number" }), {
      error: "tweets must be a list of tweet numbers, like [12, 128]",
    })
    .optional(),
  ps: nonEmpty("ps").optional(),
  image: nonEmpty("image").optional(),
  imageAlt: nonEmpty("imageAlt").optional(),
  aliases: z
    .array(
      z.string({ error: "an alias must be text" }).regex(/^\/\S*$/, {
        error: "an alias must be a path on this site starting with /, like /2019/05/old-post/ or /?p=123",
      }),
      { error: "aliases must be a list of old URL paths" },
    )
    .optional(),
  comments: z.boolean({ error: "comments must be true or false" }).optional(),
  discussion: nonEmpty("discussion").optional(),
};

const frontMatterSchema = z.object(shape);

export const FRONT_MATTER_KEYS = Object.keys(shape);

function dateField(source: YamlSource, key: "date" | "updated", value: unknown, file: string, problems: Problem[]) {
  if (value === undefined) return undefined;
  const raw = source.rawScalar([key]);
  if (typeof value !== "string" || raw === undefined) {
    problems.push({ file, line: source.lineOf([key]), message: `${key} must be a date written as YYYY-MM-DD` });
    return undefined;
  }
  const parsed = parseCalendarDate(value);
  if (!parsed) {
    const hint = /^\d{4}-\d{2}-\d{2}/.test(value.trim())
      ? "is not a real calendar date"
      : "is not a date: write it as YYYY-MM-DD";
    problems.push({ file, line: source.lineOf([key]), message: `${key} "${raw}" ${hint}` });
  }
  return parsed;
}

/** Validates parsed front matter; every problem carries its line in `file`. */
export function validateFrontMatter(
  source: YamlSource,
  file: string,
): { data: PostFrontMatter | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const value = source.value;
  if (value === null || value === undefined || typeof value !== "object" || Array.isArray(value)) {
    problems.push({ file, line: 1, message: "front matter is missing: start the file with --- and a title: and date: line" });
    return { data: undefined, problems };
  }
  const record = value as Record<string, unknown>;

  for (const key of Object.keys(record)) {
    if (!FRONT_MATTER_KEYS.includes(key)) {
      const suggestion = suggestKey(key, FRONT_MATTER_KEYS);
      problems.push({
        file,
        line: source.keyLineOf([key]),
        message: suggestion
          ? `unknown key "${key}": did you mean "${suggestion}"?`
          : `unknown key "${key}": the keys a post may use are ${FRONT_MATTER_KEYS.join(", ")}`,
      });
    }
  }

  const result = frontMatterSchema.safeParse(record);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      const missing = issue.code === "invalid_type" && record[key as string] === undefined;
      problems.push({
        file,
        line: missing ? 1 : source.lineOf(issue.path as Array<string | number>),
        message: missing ? `${String(key)} is missing: add a ${String(key)}: line` : issue.message,
      });
    }
  }

  if (record.date === undefined) {
    problems.push({ file, line: 1, message: "date is missing: add a date: YYYY-MM-DD line" });
  }
  const date = dateField(source, "date", record.date, file, problems);
  const updated = dateField(source, "updated", record.updated, file, problems);
  if (date && updated && updated.date < date.date) {
    problems.push({
      file,
      line: source.lineOf(["updated"]),
      message: `updated ${updated.day} is before date ${date.day}: an update cannot precede the post`,
    });
  }
  if (record.image !== undefined && record.imageAlt === undefined) {
    problems.push({
      file,
      line: source.lineOf(["image"]),
      message: "image needs imageAlt: describe the picture for readers who cannot see it",
    });
  }

  if (problems.length > 0 || !result.success || !date) return { data: undefined, problems };
  const fm = result.data;
  return {
    data: {
      title: fm.title,
      date,
      ...(fm.description !== undefined && { description: fm.description }),
      tags: fm.tags ?? [],
      draft: fm.draft ?? false,
      ...(updated !== undefined && { updated }),
      ...(fm.slug !== undefined && { slug: fm.slug }),
      tweets: fm.tweets ?? [],
      ...(fm.ps !== undefined && { ps: fm.ps }),
      ...(fm.image !== undefined && { image: fm.image }),
      ...(fm.imageAlt !== undefined && { imageAlt: fm.imageAlt }),
      aliases: fm.aliases ?? [],
      comments: fm.comments ?? true,
      ...(fm.discussion !== undefined && { discussion: fm.discussion }),
    },
    problems,
  };
}
