// The deployment as Netlify reads it: netlify.toml and the generated
// _redirects through Netlify's own parsers, the headers scored by MDN's HTTP
// Observatory, and the builds that must fail when an alias cannot work.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { unwrapContentError } from "../../lib/build/atomic-build.ts";
import { loadContent } from "../../lib/content/load.ts";
import { createMarkdown } from "../../lib/markdown/index.ts";
import { ContentError } from "../../lib/problems.ts";
import {
  cspDirectives,
  loadNetlifyHeaders,
  loadNetlifyRedirects,
  netlifyBuildSettings,
  type NetlifyHeaders,
  type NetlifyRedirect,
} from "../support/netlify.ts";
import { observatoryScore } from "../support/observatory.ts";
import { buildFixture, fixturePath, type BuiltSite } from "../support/site.ts";

const BUILD_DATE = "2026-11-26T12:00:00Z";
const POST = "/posts/moving-from-wordpress/";
const IMMUTABLE = "public, max-age=31536000, immutable";

/** Every file of a built site, as site paths (`/posts/x/index.html`). */
function sitePaths(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`);
}

/** What Pagefind writes (it is not part of this branch's build): hashed chunks and fixed-name entry files. */
const PAGEFIND_PATHS = {
  hashed: ["/pagefind/index/en_47cf356.pf_index", "/pagefind/fragment/en_4a86be3.pf_fragment", "/pagefind/filter/en_1b2c3d4.pf_filter"],
  entry: ["/pagefind/pagefind.js", "/pagefind/pagefind-worker.js", "/pagefind/pagefind-entry.json", "/pagefind/wasm.en.pagefind", "/pagefind/pagefind.en_92eaca7955.pf_meta"],
};

async function buildFailure(fixture: string): Promise<ContentError> {
  try {
    await buildFixture(fixturePath(fixture), { buildDate: BUILD_DATE });
  } catch (error) {
    const unwrapped = unwrapContentError(error);
    assert.ok(unwrapped instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    return unwrapped;
  }
  assert.fail(`building ${fixture} should have failed`);
}

describe("netlify.toml", () => {
  let headers: NetlifyHeaders;
  let site: BuiltSite;

  before(async () => {
    headers = await loadNetlifyHeaders();
    site = await buildFixture(fixturePath("netlify-aliases"), { buildDate: BUILD_DATE });
  });
  after(() => site?.remove());

  it("builds with the production build into _site, on Node 22", () => {
    const build = netlifyBuildSettings();
    assert.equal(build.command, "npm run build");
    assert.equal(build.publish, "_site");
    assert.equal(build.environment?.NODE_VERSION, "22");
  });

  it("parses with Netlify's headers parser and gives every page the security headers", () => {
    const page = headers.headersFor(POST);
    for (const name of [
      "content-security-policy",
      "strict-transport-security",
      "x-content-type-options",
      "referrer-policy",
      "permissions-policy",
      "cross-origin-opener-policy",
    ]) {
      assert.ok(page[name], `${name} missing for ${POST}`);
    }
    assert.equal(page["strict-transport-security"], "max-age=63072000; includeSubDomains; preload");
    assert.equal(page["x-content-type-options"], "nosniff");
    assert.equal(page["cross-origin-opener-policy"], "same-origin");
  });

  it("sets no header twice for any path, since Netlify may combine the values", () => {
    for (const urlPath of [...sitePaths(site.output), ...PAGEFIND_PATHS.hashed, ...PAGEFIND_PATHS.entry, "/", POST]) {
      assert.deepEqual(headers.repeatedHeaders(urlPath), [], urlPath);
    }
  });

  it("has a Content-Security-Policy without unsafe script sources that serves search and comments", () => {
    const policy = headers.headersFor(POST)["content-security-policy"]!;
    assert.doesNotMatch(policy, /[\r\n]/, "the policy is one line");
    const directives = cspDirectives(policy);
    const names = directives.map((directive) => directive.name);
    assert.deepEqual(names, [...new Set(names)], "each directive once");
    const sources = new Map(directives.map((directive) => [directive.name, directive.sources]));
    for (const name of ["default-src", "script-src"]) {
      assert.ok(!sources.get(name)?.includes("'unsafe-inline'"), `${name} allows 'unsafe-inline'`);
      assert.ok(!sources.get(name)?.includes("'unsafe-eval'"), `${name} allows 'unsafe-eval'`);
    }
    assert.deepEqual(sources.get("default-src"), ["'none'"]);
    assert.ok(sources.get("script-src")?.includes("'wasm-unsafe-eval'"), "Pagefind compiles WebAssembly");
    assert.ok(sources.get("connect-src")?.includes("'self'"), "Pagefind fetches its index");
    assert.ok(sources.get("img-src")?.includes("data:"), "the Pagefind UI uses data: images");
    assert.deepEqual(sources.get("frame-src"), ["https://giscus.app"]);
    assert.deepEqual(sources.get("frame-ancestors"), ["'none'"]);
    assert.deepEqual(sources.get("object-src"), ["'none'"]);
    assert.deepEqual(sources.get("base-uri"), ["'self'"]);
    assert.deepEqual(sources.get("form-action"), ["'self'"]);
  });

  it("gives Pagefind's worker the page's policy, which it runs under", () => {
    assert.equal(
      headers.headersFor("/pagefind/pagefind-worker.js")["content-security-policy"],
      headers.headersFor(POST)["content-security-policy"],
    );
  });

  it("caches forever exactly the files named by their content", () => {
    const built = sitePaths(site.output);
    const fingerprinted = built.filter((urlPath) => urlPath.startsWith("/assets/build/"));
    assert.ok(fingerprinted.length > 0, "the build writes fingerprinted assets");
    for (const urlPath of fingerprinted) {
      assert.match(urlPath, /\.[0-9a-f]{10}\.(css|js)$/, `${urlPath} sits in /assets/build/ without a content hash`);
    }
    // Pagefind names its index chunks, fragments and filters by their content too.
    const pagefindChunks = built.filter((urlPath) => /^\/pagefind\/(index|fragment|filter)\//.test(urlPath));
    for (const urlPath of [...fingerprinted, ...pagefindChunks, ...PAGEFIND_PATHS.hashed]) {
      assert.equal(headers.headersFor(urlPath)["cache-control"], IMMUTABLE, urlPath);
    }
    const named = new Set([...fingerprinted, ...pagefindChunks]);
    const revalidated = [...built.filter((urlPath) => !named.has(urlPath)), ...PAGEFIND_PATHS.entry, "/", POST];
    for (const urlPath of revalidated) {
      assert.equal(headers.headersFor(urlPath)["cache-control"], undefined, `${urlPath} must keep Netlify's default caching`);
    }
  });

  it("scores at least 130 (A+) in MDN's HTTP Observatory for a post page", async (t) => {
    const result = await observatoryScore({
      hostname: "blog.example.com",
      path: POST,
      headers: headers.headersFor(POST),
      html: site.text(POST),
    });
    t.diagnostic(`MDN HTTP Observatory: ${result.score} (${result.grade}) for ${POST}`);
    const failed = Object.entries(result.tests).filter(([, test]) => !test.pass);
    assert.deepEqual(failed, [], "every Observatory test passes");
    assert.ok(result.score >= 130, `score ${result.score} is below 130: ${JSON.stringify(result.tests)}`);
  });
});

describe("_redirects", () => {
  let site: BuiltSite;
  let redirects: NetlifyRedirect[];

  before(async () => {
    site = await buildFixture(fixturePath("netlify-aliases"), { buildDate: BUILD_DATE });
    const parsed = await loadNetlifyRedirects(site.output);
    assert.deepEqual(parsed.errors, [], "Netlify's redirect parser reports no errors");
    redirects = parsed.redirects;
  });
  after(() => site?.remove());

  const find = (from: string, query: Record<string, string> = {}) =>
    redirects.find((rule) => rule.from === from && JSON.stringify(rule.query) === JSON.stringify(query));

  it("redirects every alias of every published post to the post, permanently", () => {
    const content = loadContent({ root: fixturePath("netlify-aliases"), buildDate: new Date(BUILD_DATE), md: createMarkdown() });
    const published = content.posts.filter((post) => post.status === "published");
    const aliases = published.flatMap((post) => post.frontMatter.aliases.map((alias) => ({ alias, url: post.url })));
    assert.equal(aliases.length, 4);
    for (const { alias, url } of aliases) {
      const target = new URL(alias, "https://blog.example.com");
      const rule = find(target.pathname, Object.fromEntries(target.searchParams));
      assert.ok(rule, `no redirect for ${alias}`);
      assert.equal(rule.to, url);
      assert.equal(rule.status, 301);
    }
  });

  it("matches a WordPress short link by its query, overriding the home page", () => {
    const rule = find("/", { p: "123" });
    assert.equal(rule?.to, POST);
    assert.equal(rule?.force, true);
  });

  it("leaves out the aliases of posts a production build does not publish", () => {
    assert.equal(find("/", { p: "789" }), undefined);
  });

  it("sends WordPress feed and search addresses to their new homes", () => {
    assert.equal(find("/feed/")?.to, "/feed.xml");
    assert.equal(find("/comments/feed/")?.to, "/feed.xml");
    assert.equal(find("/feed/")?.status, 301);
    const search = find("/", { s: ":s" });
    assert.equal(search?.to, "/search/?q=:s");
    assert.equal(search?.status, 301);
    assert.equal(search?.force, true);
  });
});

describe("aliases that cannot work", () => {
  it("fail the build naming both posts when two posts claim an alias or an alias is a post's URL", async () => {
    const error = await buildFailure("netlify-conflicting-aliases");
    const messages = error.problems.map((problem) => `${problem.file}: ${problem.message}`);
    assert.equal(error.problems.length, 2, messages.join("\n"));
    assert.ok(
      messages.some((message) => message.startsWith("posts/2020/second-home.md") && message.includes("/2016/01/the-old-address/") && message.includes("posts/2020/first-home.md")),
      messages.join("\n"),
    );
    assert.ok(
      messages.some((message) => message.startsWith("posts/2020/second-home.md") && message.includes("/posts/first-home/") && message.includes("posts/2020/first-home.md")),
      messages.join("\n"),
    );
  });

  it("fail the build naming the post and the page when an alias is a page's address", async () => {
    const error = await buildFailure("netlify-alias-shadows-page");
    assert.equal(error.problems.length, 1);
    const [problem] = error.problems;
    assert.equal(problem!.file, "posts/2020/about-me.md");
    assert.equal(problem!.line, 4);
    assert.match(problem!.message, /pages\/about\.md/);
  });
});
