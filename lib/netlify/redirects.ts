// Old URLs of posts (front matter `aliases`) as Netlify `_redirects` rules:
// each a permanent redirect to the post, so links and search results from the
// blog's previous home keep working.
import type { Problem } from "../problems.ts";

/** One line of a `_redirects` file. */
export interface RedirectRule {
  /** Path to match, percent-encoded as `_redirects` requires. */
  from: string;
  /** Query parameters the request must carry, with these values (`/?p=123` → `[["p", "123"]]`). */
  query: Array<[string, string]>;
  to: string;
  status: 301;
  /**
   * Redirect even when a file exists at `from`. Needed for query aliases such as
   * `/?p=123`: the home page lives at `/`, and without force it would win.
   */
  force: boolean;
  /** The post that asked for the rule, and the line of its alias. */
  file: string;
  line: number;
}

/** What a post contributes: its URL and the old URLs that lead to it. */
export interface AliasSource {
  file: string;
  url: string;
  aliases: readonly string[];
  /** Line of each alias in `file`, for messages. */
  aliasLines: readonly number[];
}

/** A built page, as Eleventy reports it after a build. */
export interface BuiltPage {
  url: string;
  /** Project-relative source file. */
  file: string;
}

const PARSE_BASE = "https://alias.invalid";

/** Splits an alias into the encoded path and the query pairs Netlify matches separately. */
export function parseAlias(alias: string): { path: string; query: Array<[string, string]> } {
  const url = new URL(alias, PARSE_BASE);
  return { path: url.pathname, query: [...url.searchParams.entries()] };
}

/** One 301 per alias of every post, in the order the posts come. */
export function aliasRedirects(posts: Iterable<AliasSource>): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (const post of posts) {
    for (const [index, alias] of post.aliases.entries()) {
      const { path, query } = parseAlias(alias);
      rules.push({
        from: path,
        query,
        to: post.url,
        status: 301,
        force: query.length > 0,
        file: post.file,
        line: post.aliasLines[index] ?? 0,
      });
    }
  }
  return rules;
}

/** `/from  key=value  /to  301!`, one rule a line, under a comment saying where they come from. */
export function formatRedirects(rules: readonly RedirectRule[]): string {
  const lines = ["# Old URLs of posts (front matter `aliases`), written at build by lib/netlify/plugin.ts."];
  for (const rule of rules) {
    const query = rule.query.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    lines.push([rule.from, ...query, rule.to, `${rule.status}${rule.force ? "!" : ""}`].join("  "));
  }
  return `${lines.join("\n")}\n`;
}

/** `/about`, `/about/` and `/about/index.html` are one address; `/café/` is `/caf%C3%A9/`. */
function addressKey(path: string): string {
  const trimmed = new URL(path, PARSE_BASE).pathname.replace(/\/index\.html$/, "/").replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed;
}

/**
 * Two aliases Netlify cannot tell apart (`/old` and `/old/`, or `/café/` and
 * `/caf%C3%A9/`): only the first would ever redirect. Identical aliases are
 * reported earlier, with the other content problems (lib/content/load.ts).
 */
export function conflictingAliases(rules: readonly RedirectRule[]): Problem[] {
  const owners = new Map<string, RedirectRule>();
  const problems: Problem[] = [];
  for (const rule of rules) {
    const key = [addressKey(rule.from), ...rule.query.map(([name, value]) => `${name}=${value}`).sort()].join(" ");
    const first = owners.get(key);
    if (!first) {
      owners.set(key, rule);
    } else if (first.file !== rule.file || first.line !== rule.line) {
      problems.push({
        file: rule.file,
        line: rule.line,
        message: `this alias leads to the same address as the alias on line ${first.line} of ${first.file}: an old URL can redirect to one post only`,
      });
    }
  }
  return problems;
}

/**
 * A path alias that is also the address of a built page can never redirect
 * (Netlify serves the file first), so the author must choose. Query aliases
 * only match with their query and shadow nothing.
 */
export function shadowedAliases(rules: readonly RedirectRule[], pages: readonly BuiltPage[]): Problem[] {
  const pageAt = new Map(pages.map((page) => [addressKey(page.url), page]));
  const problems: Problem[] = [];
  for (const rule of rules) {
    if (rule.query.length > 0) continue;
    const page = pageAt.get(addressKey(rule.from));
    if (page) {
      problems.push({
        file: rule.file,
        line: rule.line,
        message: `alias ${rule.from} is the address of ${page.file}, which is still published there: remove the alias or move that page`,
      });
    }
  }
  return problems;
}
