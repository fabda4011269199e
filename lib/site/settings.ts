// Site settings (`_data/site.json`): who writes the blog and where it lives.
import { z } from "zod";

import { suggestKey, type Problem } from "../problems.ts";
import { valueAt, type YamlSource } from "../yaml-source.ts";

const text = (what: string) =>
  z.string({ error: `${what} must be text` }).trim().min(1, { error: `${what} must not be empty` });

/**
 * Giscus (comments in GitHub Discussions). The ids come from https://giscus.app
 * after entering the repository; absent means comments are not configured.
 */
const giscusSchema = z.strictObject({
  /** `owner/name` of a public repository with Discussions on. */
  repo: z.string({ error: "giscus.repo must be text" }).regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, {
    error: 'giscus.repo must be "owner/name" of a GitHub repository, like "dana-whitfield/career-compass"',
  }),
  /** Repository id, like `R_kgDO...` (giscus.app shows it as data-repo-id). */
  repoId: z.string({ error: "giscus.repoId must be text" }).regex(/^R_\w+$/, {
    error: 'giscus.repoId must be the repository id from giscus.app, starting with "R_"',
  }),
  /** Discussion category new threads go to, like "Comments" (an announcement-type category keeps threads to giscus). */
  category: text("giscus.category"),
  /** Category id, like `DIC_kwDO...` (giscus.app shows it as data-category-id). */
  categoryId: z.string({ error: "giscus.categoryId must be text" }).regex(/^DIC_\w+$/, {
    error: 'giscus.categoryId must be the category id from giscus.app, starting with "DIC_"',
  }),
  /** Reactions on the discussion's first post. Default true. */
  reactions: z.boolean({ error: "giscus.reactions must be true or false" }).default(true),
  /** Where the comment box goes: "bottom" (default) or "top". */
  inputPosition: z.enum(["top", "bottom"], { error: 'giscus.inputPosition must be "top" or "bottom"' }).default("bottom"),
  /** Language of the widget, like "en" (default) or "de" or "zh-CN". */
  lang: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/, { error: 'giscus.lang must be a language giscus offers, like "en" or "pt"' }).default("en"),
  /**
   * "lazy" (default): the thread loads when the reader scrolls near it.
   * "click": a "Load comments" button, so nothing contacts GitHub until the reader asks.
   */
  loading: z.enum(["lazy", "click"], { error: 'giscus.loading must be "lazy" or "click"' }).default("lazy"),
});

export type GiscusSettings = z.infer<typeof giscusSchema>;

const settingsShape = {
  title: text("title"),
  description: text("description"),
  url: z
    .url({ protocol: /^https?$/, error: "url must be the absolute address of the site, like https://blog.example.com" })
    .refine((u) => !u.endsWith("/") && !/[?#]/.test(u), { error: "url must have no trailing slash, query or fragment" }),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'language must be a language tag, like "en" or "en-US"' }),
  timezone: z.string().refine((zone) => isTimeZone(zone), { error: 'timezone must be an IANA time zone, like "America/Chicago"' }),
  author: z.strictObject({
    name: text("author.name"),
    bio: text("author.bio"),
    signature: text("author.signature"),
  }),
  ps: text("ps"),
  postsPerPage: z.number().int().min(1).max(100).optional(),
  giscus: giscusSchema.optional(),
};

const settingsSchema = z.object(settingsShape);

export type SiteSettings = z.infer<typeof settingsSchema> & { postsPerPage: number };

export const SITE_SETTINGS_KEYS = Object.keys(settingsShape);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function validateSiteSettings(source: YamlSource, file: string): { settings: SiteSettings | undefined; problems: Problem[] } {
  const problems: Problem[] = [...source.problems];
  if (problems.length > 0) return { settings: undefined, problems };
  const value = source.value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { settings: undefined, problems: [{ file, line: 1, message: "site settings must be a JSON object" }] };
  }
  for (const key of Object.keys(value)) {
    if (!SITE_SETTINGS_KEYS.includes(key)) {
      const suggestion = suggestKey(key, SITE_SETTINGS_KEYS);
      problems.push({
        file,
        line: source.keyLineOf([key]),
        message: `unknown setting "${key}"${suggestion ? `: did you mean "${suggestion}"?` : ""}`,
      });
    }
  }
  const result = settingsSchema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path as Array<string | number>;
      if (issue.code === "unrecognized_keys") {
        problems.push(...unknownNestedKeys(source, file, path, issue.keys, value));
        continue;
      }
      const missing = issue.code === "invalid_type" && valueAt(value, path) === undefined;
      problems.push({
        file,
        line: source.lineOf(path),
        message: missing ? `${path.join(".")} is missing` : issue.message,
      });
    }
  }
  if (problems.length > 0 || !result.success) return { settings: undefined, problems };
  return { settings: { ...result.data, postsPerPage: result.data.postsPerPage ?? 10 }, problems };
}

/** Unknown keys inside a nested setting (author, giscus), each with the key it was probably meant to be. */
function unknownNestedKeys(source: YamlSource, file: string, path: Array<string | number>, keys: readonly string[], value: unknown): Problem[] {
  const parent = valueAt(value, path);
  const known = parent && typeof parent === "object" ? nestedKeysOf(path) : [];
  return keys.map((key) => {
    const suggestion = suggestKey(key, known);
    return {
      file,
      line: source.keyLineOf([...path, key]),
      message: `unknown setting "${[...path, key].join(".")}"${suggestion ? `: did you mean "${suggestion}"?` : ""}`,
    };
  });
}

function nestedKeysOf(path: Array<string | number>): string[] {
  const shape = path.length === 1 ? (settingsShape as Record<string, unknown>)[String(path[0])] : undefined;
  const inner = shape instanceof z.ZodOptional ? shape.unwrap() : shape;
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}
