// Site settings (`_data/site.json`): who writes the blog and where it lives.
import { z } from "zod";

import { suggestKey, type Problem } from "../problems.ts";
import { valueAt, type YamlSource } from "../yaml-source.ts";

const text = (what: string) =>
  z.string({ error: `${what} must be text` }).trim().min(1, { error: `${what} must not be empty` });

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
    if (!SITE_SETTINGS_KEYS.includes(key) && key !== "giscus") {
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
