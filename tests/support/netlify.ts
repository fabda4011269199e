// netlify.toml read the way Netlify reads it: with Netlify's own parsers. The
// browser suite serves the site with these headers and the site tests check
// them, so nothing here is a hand-made copy of the deployment.
import { readFileSync } from "node:fs";
import path from "node:path";

import { parse as parseToml } from "@iarna/toml";
import { parseAllHeaders, type Header } from "@netlify/headers-parser";
import { parseAllRedirects } from "@netlify/redirect-parser";

import { PROJECT_ROOT } from "./site.ts";

export const NETLIFY_TOML = path.join(PROJECT_ROOT, "netlify.toml");

export interface NetlifyHeaders {
  rules: Header[];
  /** The headers Netlify sends for a request path, header names in lower case. */
  headersFor(urlPath: string): Record<string, string>;
  /** Header names that more than one matching rule sets for this path (Netlify would combine them). */
  repeatedHeaders(urlPath: string): string[];
}

function matchingValues(rules: readonly Header[], urlPath: string): Array<[string, string]> {
  return rules
    .filter((rule) => rule.forRegExp.test(urlPath))
    .flatMap((rule) => Object.entries(rule.values).map(([name, value]): [string, string] => [name.toLowerCase(), value]));
}

/** Parses the headers of `netlify.toml`; a syntax error fails with Netlify's message. */
export async function loadNetlifyHeaders(tomlPath = NETLIFY_TOML): Promise<NetlifyHeaders> {
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [],
    netlifyConfigPath: tomlPath,
    configHeaders: [],
    minimal: false,
  });
  if (errors.length > 0) throw new Error(`${tomlPath}: ${errors.map((error) => error.message).join("\n")}`);
  const rules = headers as Header[];
  return {
    rules,
    headersFor(urlPath) {
      const combined: Record<string, string> = {};
      for (const [name, value] of matchingValues(rules, urlPath)) {
        combined[name] = name in combined ? `${combined[name]}, ${value}` : value;
      }
      return combined;
    },
    repeatedHeaders(urlPath) {
      const names = matchingValues(rules, urlPath).map(([name]) => name);
      return [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
    },
  };
}

/** For `serveStatic(root, { headersFor })`: the response headers netlify.toml gives each path. */
export async function netlifyHeadersFor(tomlPath = NETLIFY_TOML): Promise<(urlPath: string) => Record<string, string>> {
  const headers = await loadNetlifyHeaders(tomlPath);
  return (urlPath) => headers.headersFor(urlPath);
}

/** A redirect rule as Netlify's parser normalizes it. */
export interface NetlifyRedirect {
  from: string;
  query: Record<string, string>;
  to: string;
  status?: number;
  force: boolean;
}

/** Redirect rules from a built site's `_redirects`, then netlify.toml's (Netlify's order), parsed by Netlify's parser. */
export async function loadNetlifyRedirects(
  siteOutput: string,
  tomlPath = NETLIFY_TOML,
): Promise<{ redirects: NetlifyRedirect[]; errors: Error[] }> {
  const { redirects, errors } = await parseAllRedirects({
    redirectsFiles: [path.join(siteOutput, "_redirects")],
    netlifyConfigPath: tomlPath,
    configRedirects: [],
    minimal: false,
  });
  return { redirects: redirects as NetlifyRedirect[], errors: errors as Error[] };
}

/** The `[build]` table, read as TOML. */
export function netlifyBuildSettings(tomlPath = NETLIFY_TOML): { command?: string; publish?: string; environment?: Record<string, string> } {
  const toml = parseToml(readFileSync(tomlPath, "utf8")) as { build?: ReturnType<typeof netlifyBuildSettings> };
  return toml.build ?? {};
}

/** Directives of a Content-Security-Policy value, in order, with their sources. */
export function cspDirectives(policy: string): Array<{ name: string; sources: string[] }> {
  return policy
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, ...sources] = part.split(/\s+/);
      return { name: name!.toLowerCase(), sources };
    });
}
