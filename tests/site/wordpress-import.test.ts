import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it, mock } from "node:test";

import { loadContent } from "../../lib/content/load.ts";
import { readPost } from "../../lib/content/posts.ts";
import { createMarkdown } from "../../lib/markdown/index.ts";
import { pathKey } from "../../lib/wordpress/old-site.ts";
import { parseWxr } from "../../lib/wordpress/wxr.ts";
import { main as importWordPress } from "../../scripts/import-wordpress.ts";
import { blankSite, SHARED_WORDPRESS } from "../support/import-site.ts";
import { isSiteRoute } from "../../lib/site/routes.ts";
import { buildFixture, fixturePath, type BuiltSite } from "../support/site.ts";

const BUILD_DATE = "2026-11-26T12:00:00Z";
const md = createMarkdown();

/** Runs the importer quietly; returns its exit code and what it printed. */
function runImport(args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const log = mock.method(console, "log", (...parts: unknown[]) => void (out += `${parts.join(" ")}\n`));
  const error = mock.method(console, "error", (...parts: unknown[]) => void (err += `${parts.join(" ")}\n`));
  try {
    return { code: importWordPress(args), out, err };
  } finally {
    log.mock.restore();
    error.mock.restore();
  }
}

function filesUnder(root: string, dir: string): string[] {
  const absolute = path.join(root, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.(md|json)$/.test(name) && !name.endsWith("11tydata.json"))
    .map((name) => `${dir}/${name.split(path.sep).join("/")}`)
    .sort();
}

/** Every generated post passes our schema; returns the posts. */
function readImportedPosts(root: string) {
  return filesUnder(root, "posts").map((file) => {
    const { post, problems } = readPost(readFileSync(path.join(root, file), "utf8"), file, md);
    assert.deepEqual(problems, [], file);
    return post!;
  });
}

function frontMatterOf(text: string): string {
  return /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
}

describe("the WordPress importer on our fixture export", () => {
  const xml = fixturePath("wordpress", "site.xml");
  const uploads = fixturePath("wordpress", "uploads");
  let root: string;
  let site: BuiltSite;
  let first: ReturnType<typeof runImport>;

  before(async () => {
    root = blankSite();
    first = runImport([xml, "--uploads", uploads, "--out", root]);
    site = await buildFixture(root, { buildDate: BUILD_DATE, mode: "development" });
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    site?.remove();
  });

  it("imports every post and page with front matter that passes our schema and content check", () => {
    assert.equal(first.code, 0, first.err);
    const posts = readImportedPosts(root);
    assert.deepEqual(posts.map((p) => p.file), [
      "posts/2019/hello-welcome.md",
      "posts/2019/second-post.md",
      "posts/2020/an-unfinished-idea.md",
      "posts/2020/ellinika.md",
      "posts/2020/hello-welcome-2.md",
      "posts/2099/coming-soon.md",
    ]);
    assert.deepEqual(filesUnder(root, "pages").filter((f) => f.endsWith(".md")), ["pages/about-me.md", "pages/work-with-me.md"]);
    const content = loadContent({ root, buildDate: new Date(BUILD_DATE), md });
    assert.deepEqual(content.problems, []);
  });

  it("dates posts in the site's time zone and marks drafts and scheduled posts", () => {
    const byFile = new Map(readImportedPosts(root).map((p) => [p.file, p]));
    const hello = byFile.get("posts/2019/hello-welcome.md")!;
    assert.equal(hello.frontMatter.date.day, "2019-05-01");
    assert.equal(hello.frontMatter.title, "Hello & welcome: our “first” post");
    assert.deepEqual(hello.frontMatter.tags, ["Networking", "First jobs & internships"]);
    assert.match(hello.frontMatter.description!, /^A long excerpt .*…$/);
    assert.equal(byFile.get("posts/2020/an-unfinished-idea.md")!.frontMatter.draft, true);
    const scheduled = byFile.get("posts/2099/coming-soon.md")!;
    assert.equal(scheduled.frontMatter.draft, false);
    assert.equal(scheduled.frontMatter.date.day, "2099-01-01");
  });

  it("keeps every old permalink and ?p= id as an alias", () => {
    const byFile = new Map(readImportedPosts(root).map((p) => [p.file, p]));
    assert.deepEqual(byFile.get("posts/2019/hello-welcome.md")!.frontMatter.aliases, ["/2019/05/01/hello-welcome/", "/?p=10"]);
    assert.deepEqual(byFile.get("posts/2020/hello-welcome-2.md")!.frontMatter.aliases, ["/2020/02/02/hello-welcome/", "/?p=14"]);
    assert.match(frontMatterOf(readFileSync(path.join(root, "pages/work-with-me.md"), "utf8")), /permalink: \/work-with-me\/\naliases:\n {2}- \/about-me\/work-with-me\/\n {2}- \/\?page_id=21/);
  });

  it("renders paragraphs, line breaks, figures with captions, embeds and rewritten links", () => {
    const page = site.page("/posts/hello-welcome/");
    const body = page.querySelector(".post__body")!;
    const paragraphs = [...body.querySelectorAll("p")].map((p) => p.textContent!.trim());
    assert.ok(paragraphs.includes("First line of the first paragraph\nsecond line of the first paragraph."), paragraphs.join(" | "));
    assert.equal(body.querySelectorAll("p br").length >= 1, true);
    assert.equal(body.querySelector("h2")?.textContent, "A heading");
    const figure = body.querySelector("figure")!;
    // The copied upload, served as the build's responsive image.
    const image = figure.querySelector("picture img");
    assert.ok(image, "the figure holds a responsive picture");
    assert.ok(site.exists(image.getAttribute("src")!), `the image ${image.getAttribute("src")} is built`);
    assert.equal(figure.querySelector("figcaption")?.textContent?.trim(), "The desk where it started");
    const hrefs = [...body.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    assert.ok(hrefs.includes("/posts/second-post/"));
    assert.ok(hrefs.includes("/about-me/"));
    assert.ok(hrefs.includes("https://www.youtube.com/watch?v=abc123"));
    assert.ok(hrefs.includes("https://vimeo.com/12345"));
    assert.ok(hrefs.some((href) => href?.startsWith("/tweets/12")), "Tweet 12 is linked by our Markdown rule");
    assert.match(body.textContent!, /\[contact-form-7 id=.7. title=.Contact.\]/, "the unknown shortcode stays visible");
    assert.equal(readFileSync(path.join(root, "assets/uploads/2019/05/photo.jpg"), "utf8"), readFileSync(path.join(uploads, "2019/05/photo.jpg"), "utf8"));
  });

  it("converts block-editor posts without block comments", () => {
    const text = readFileSync(path.join(root, "posts/2019/second-post.md"), "utf8");
    assert.doesNotMatch(text, /wp:|<!--/);
    const body = site.page("/posts/second-post/").querySelector(".post__body")!;
    assert.equal(body.querySelector("figure figcaption")?.textContent?.trim(), "Where the block post was written");
    assert.equal(body.querySelector("blockquote p")?.textContent, "Quote in a block.");
    assert.deepEqual([...body.querySelectorAll("li")].map((li) => li.textContent).slice(-2), ["Block item one", "Block item two"]);
  });

  it("archives approved comments threaded, re-attaching replies to unpublished comments", () => {
    const comments = JSON.parse(readFileSync(path.join(root, "_data/comments/hello-welcome.json"), "utf8"));
    assert.deepEqual(
      comments.map((c: { id: string; parent?: string }) => [c.id, c.parent]),
      [["100", undefined], ["101", "100"], ["103", "100"]],
    );
    assert.deepEqual(comments[0], {
      id: "100",
      author: "Sam Reader",
      date: "2019-05-02T14:00:00Z",
      url: "https://sam.example.org/",
      text: "Great post!\\\nThanks for **this**.",
    });
  });

  it("reports counts, every difference, unknown shortcodes and links", () => {
    const report = readFileSync(path.join(root, "wordpress-import-report.md"), "utf8");
    assert.equal(first.out.startsWith(report.trimEnd()), true, "the printed report is the saved one");
    assert.match(report, /\| Posts \| 7 \| 6 \| see below \|/);
    assert.match(report, /"Deleted thoughts" \(trash\) was not imported/);
    assert.match(report, /\| Comments \| 6 \| 3 \| see below \|/);
    assert.match(report, /1 pending comment on .* not published/);
    assert.match(report, /1 spam comment on .* not published/);
    assert.match(report, /1 pingback or trackback on/);
    assert.match(report, /\| Attachments \| 1 \| 1 \| equal \|/);
    assert.match(report, /`\[contact-form-7\]` in posts\/2019\/hello-welcome\.md/);
    assert.match(report, /https:\/\/old\.example\.com\/2019\/06\/02\/second-post\/ → \/posts\/second-post\//);
    assert.match(report, /posts\/2019\/hello-welcome\.md: https:\/\/old\.example\.com\/wp-content\/uploads\/2019\/05\/missing\.png/);
  });

  it("writes nothing new on a second run, and overwrites only with --force", () => {
    const before = readFileSync(path.join(root, "posts/2019/hello-welcome.md"), "utf8");
    const again = runImport([xml, "--uploads", uploads, "--out", root]);
    assert.equal(again.code, 0);
    assert.match(again.out, /Files written: 0; uploads copied: 0/);
    assert.match(again.out, /- posts\/2019\/hello-welcome\.md/);
    assert.equal(filesUnder(root, "posts").length, 6);
    assert.equal(readFileSync(path.join(root, "posts/2019/hello-welcome.md"), "utf8"), before);
    const forced = runImport([xml, "--uploads", uploads, "--out", root, "--force"]);
    assert.match(forced.out, /Files written: 9; uploads copied: 2/);
  });
});

describe("the WordPress importer on a broken export", () => {
  it("names the line where a truncated file ends and writes nothing", () => {
    const root = blankSite();
    try {
      const before = filesUnder(root, ".");
      const result = runImport([fixturePath("wordpress", "truncated.xml"), "--out", root]);
      assert.equal(result.code, 1);
      assert.match(result.err, /truncated\.xml:\d+:\d+: unclosed tag: .*cut short/);
      assert.match(result.err, /Nothing was written/);
      assert.deepEqual(filesUnder(root, "."), before);
      assert.equal(existsSync(path.join(root, "wordpress-import-report.md")), false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("leaves links absolute and warns when no uploads folder is given", () => {
    const root = blankSite();
    try {
      const result = runImport([fixturePath("wordpress", "site.xml"), "--out", root]);
      assert.equal(result.code, 0);
      assert.match(result.out, /no uploads folder given \(--uploads\): 1 attachment left at their old absolute URLs/);
      assert.match(readFileSync(path.join(root, "posts/2019/second-post.md"), "utf8"), /!\[The desk\]\(https:\/\/old\.example\.com\/wp-content\/uploads\/2019\/05\/photo\.jpg\)/);
      assert.equal(existsSync(path.join(root, "assets/uploads")), false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

const sharedSkip = existsSync(SHARED_WORDPRESS) ? undefined : `${SHARED_WORDPRESS} is absent (a clone without ../shared): real WordPress exports not tested`;
if (sharedSkip) console.log(`# skipped: ${sharedSkip}`);

for (const name of ["themeunittestdata.wordpress.xml", "64-block-test-data.xml"]) {
  describe(`the WordPress importer on WordPress's own ${name}`, { skip: sharedSkip }, () => {
    let root: string;
    let site: BuiltSite | undefined;
    let result: ReturnType<typeof runImport>;
    const exportFile = path.join(SHARED_WORDPRESS, name);

    before(async () => {
      root = blankSite();
      result = runImport([exportFile, "--out", root]);
      site = await buildFixture(root, { buildDate: BUILD_DATE, mode: "production" });
    });
    after(() => {
      rmSync(root, { recursive: true, force: true });
      site?.remove();
    });

    it("imports every post, page and approved comment, and the content check finds nothing", () => {
      assert.equal(result.code, 0, result.err);
      const wxr = parseWxr(readFileSync(exportFile, "utf8"), name);
      const kept = (type: string) => wxr.items.filter((i) => i.type === type && !["trash", "auto-draft"].includes(i.status));
      assert.equal(readImportedPosts(root).length, kept("post").length);
      assert.equal(filesUnder(root, "pages").filter((f) => f.endsWith(".md")).length, kept("page").length);
      const approved = kept("post").flatMap((i) => i.comments).filter((c) => c.approved === "1" && ["", "comment"].includes(c.type)).length;
      const archived = filesUnder(root, "_data/comments").reduce(
        (sum, file) => sum + JSON.parse(readFileSync(path.join(root, file), "utf8")).length,
        0,
      );
      assert.equal(archived, approved);
      assert.deepEqual(loadContent({ root, buildDate: new Date(BUILD_DATE), md }).problems, []);
      assert.match(result.out, /\| Posts \| (\d+) \| \1 \| equal \|/);
    });

    it("builds, and every old permalink is the new URL or an alias of it", () => {
      assert.ok(site);
      const wxr = parseWxr(readFileSync(exportFile, "utf8"), name);
      const covered = new Set<string>();
      for (const file of [...filesUnder(root, "posts"), ...filesUnder(root, "pages")].filter((f) => f.endsWith(".md"))) {
        const text = frontMatterOf(readFileSync(path.join(root, file), "utf8"));
        for (const alias of text.matchAll(/^ {2}- (\/.*)$/gm)) covered.add(pathKey(alias[1]!));
        const permalink = /^permalink: (\/.*)$/m.exec(text)?.[1];
        covered.add(pathKey(permalink ?? `/posts/${path.basename(file, ".md")}/`));
      }
      for (const item of wxr.items.filter((i) => (i.type === "post" || i.type === "page") && i.status !== "trash")) {
        const old = new URL(item.link).pathname.replace(/\/{2,}/g, "/") + new URL(item.link).search;
        if (!new URL(item.link).search && isSiteRoute(new URL(item.link).pathname)) {
          // This site serves that address itself (say /search/); the import report says so.
          assert.match(result.out, new RegExp(`was at ${new URL(item.link).pathname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, which this site now uses`));
          continue;
        }
        assert.ok(covered.has(pathKey(old)), `${item.link} has no alias`);
        assert.ok(covered.has(pathKey(item.type === "post" ? `/?p=${item.id}` : `/?page_id=${item.id}`)), `${item.id} has no id alias`);
      }
    });
  });
}
