// `npm start` in a scratch copy of the project: the dev server answers on
// 127.0.0.1 only, shows drafts, writes a search index, and shows edits to
// posts and to lib/*.ts modules without a restart.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { parseHTML } from "linkedom";

import { loadContent } from "../../lib/content/load.ts";
import { createMarkdown } from "../../lib/markdown/index.ts";
import { PROJECT_ROOT } from "../support/site.ts";

const PORT = 18080 + (process.pid % 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const COPIED = [".eleventy.ts", "package.json", "tsconfig.json", "lib", "scripts", "_includes", "_data", "pages", "posts", "assets"];

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function firstTimeText(html: string): string {
  return parseHTML(html).document.querySelector("time")?.textContent ?? "";
}

describe("the dev server", () => {
  let root: string;
  let server: ChildProcess;
  let log = "";

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), "blog-dev-"));
    for (const entry of COPIED) cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
    symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
    server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      cwd: root,
      env: { ...process.env, PORT: String(PORT), BLOG_MODE: "development" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout?.on("data", (chunk) => (log += chunk));
    server.stderr?.on("data", (chunk) => (log += chunk));
    await waitFor("the first build", () => fetchText(`${BASE}/`));
  });

  after(async () => {
    // Let the server stop writing before its folder goes.
    const exited = new Promise((resolve) => (server.exitCode === null ? server.once("exit", resolve) : resolve(undefined)));
    server.kill("SIGINT");
    await exited;
    rmSync(root, { recursive: true, force: true, maxRetries: 5 });
  });

  it("listens on 127.0.0.1 and on no other interface", async () => {
    assert.ok(await fetchText(`${BASE}/`));
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === "IPv4" && !address.internal);
    if (external) {
      await assert.rejects(fetch(`http://${external.address}:${PORT}/`), "reachable on a non-loopback address");
    }
  });

  it("shows a draft post with a Draft badge", async () => {
    const html = await waitFor("the draft", () => fetchText(`${BASE}/posts/what-to-do-when-your-manager-leaves/`));
    const badge = parseHTML(html).document.querySelector(".badge--draft");
    assert.equal(badge?.textContent, "Draft");
  });

  it("writes a search index of every post, drafts and scheduled ones included, and the tweet and about pages", async () => {
    const content = loadContent({ root: PROJECT_ROOT, buildDate: new Date(), md: createMarkdown() });
    assert.ok(content.posts.some((post) => post.status !== "published"));
    // The index follows the build that serves the pages by a few seconds.
    const pages = await waitFor("the search index", async () => {
      const entry = await fetchText(`${BASE}/pagefind/pagefind-entry.json`);
      return entry === undefined ? undefined : (JSON.parse(entry) as { languages: { en: { page_count: number } } }).languages.en.page_count;
    });
    assert.equal(pages, content.posts.length + content.tweets.length + ["/about/", "/books/"].length);
  });

  it("shows an edited post without a restart", async () => {
    const file = path.join(root, "posts/2019/five-stories-every-candidate-needs.md");
    writeFileSync(file, `${readFileSync(file, "utf8")}\nEdited paragraph marker-4711.\n`);
    const html = await waitFor("the edited post", async () => {
      const text = await fetchText(`${BASE}/posts/five-stories-every-candidate-needs/`);
      return text?.includes("marker-4711") ? text : undefined;
    });
    const paragraphs = [...parseHTML(html).document.querySelectorAll(".post__body p")].map((p) => p.textContent);
    assert.ok(paragraphs.includes("Edited paragraph marker-4711."));
  });

  it("shows an edited paginated page template on every page it makes, without a restart", async () => {
    const tagUrls = [...parseHTML((await fetchText(`${BASE}/tags/`))!).document.querySelectorAll<HTMLAnchorElement>("main a[href^='/tags/']")]
      .map((link) => link.getAttribute("href")!)
      .filter((href) => href !== "/tags/")
      .slice(0, 3);
    assert.equal(tagUrls.length, 3);
    const file = path.join(root, "pages/tag.njk");
    writeFileSync(file, readFileSync(file, "utf8").replace('<p><a href="/tags/">All tags</a></p>', '<p class="edited">marker-4713</p>'));
    for (const url of tagUrls) {
      const html = await waitFor(`the edited tag page ${url}`, async () => {
        const text = await fetchText(`${BASE}${url}`);
        return text?.includes("marker-4713") ? text : undefined;
      });
      assert.equal(parseHTML(html).document.querySelector(".listing .edited")?.textContent, "marker-4713");
    }
  });

  it("uses an edited lib/*.ts module without a restart, in pages and in layouts", async () => {
    const post = `${BASE}/posts/five-stories-every-candidate-needs/`;
    const before = firstTimeText((await fetchText(`${BASE}/archive/`))!);
    assert.match(before, /^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    assert.match(firstTimeText((await fetchText(post))!), /^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    const file = path.join(root, "lib/filters/dates.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace('month: "long"', 'month: "short"'));
    const after = await waitFor("the short month names", async () => {
      const text = firstTimeText((await fetchText(`${BASE}/archive/`)) ?? "");
      return text && text !== before ? text : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}\n--- dev server log ---\n${log.slice(-3000)}`);
    });
    assert.match(after, /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    // The post's date is printed by a partial of its layout, which Eleventy had compiled with the old filters.
    await waitFor(
      "the short month name on a post page",
      async () => (/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/.test(firstTimeText((await fetchText(post)) ?? "")) ? true : undefined),
      20_000,
    );
  });
});
