import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import type { MarkdownIt } from "markdown-it";

import { loadSiteContent, type SiteContent } from "../../lib/content/load.ts";
import { readPosts, type ReadPostsOptions } from "../../lib/content/parallel-read.ts";
import { postStatus } from "../../lib/content/posts.ts";
import { markdownImagesPlugin } from "../../lib/images/markdown-images.ts";
import { markdownFor } from "../../lib/markdown/index.ts";
import { PROJECT_ROOT } from "../support/site.ts";

const BUILD_DATE = new Date("2026-06-01T12:00:00Z");
const IMAGE_POST = "posts/2026/with-a-picture.md";
const DRAFT_POST = "posts/2026/what-to-do-when-your-manager-leaves.md";

/** The build's instance, with an image rule that marks which thread's instance rendered the image. */
function buildMarkdown(root: string): MarkdownIt {
  const md = markdownFor({});
  md.use(markdownImagesPlugin, { inputDir: () => root, images: { render: (_file: string, alt: string) => ({ html: `<picture data-alt="${alt}"></picture>`, files: [] }) } });
  return md;
}

/** Counts the parses `md` makes from now on. */
function countParses(md: MarkdownIt): () => number {
  let parses = 0;
  const parse = md.parse.bind(md);
  md.parse = (src, env) => (parses++, parse(src, env));
  return () => parses;
}

describe("reading posts on a worker thread", () => {
  let root: string;
  let site: SiteContent;
  let options: Omit<ReadPostsOptions, "md">;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), "parallel-read-"));
    for (const part of ["_data", "posts", "assets/images"]) cpSync(path.join(PROJECT_ROOT, part), path.join(root, part), { recursive: true });
    writeFileSync(
      path.join(root, IMAGE_POST),
      "---\ntitle: With a picture\ndate: 2026-01-05\ntags: [networking]\n---\nA coffee chat, as Tweet 7 says.\n\n![Two cups](/assets/images/coffee-chat.jpg)\n",
    );
    site = loadSiteContent({ root, buildDate: BUILD_DATE });
    options = { root, tweets: site.tweets, today: site.today, production: true };
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const renderEnv = (file: string) => ({ tweets: site.tweets, page: { inputPath: path.join(root, file) } });

  it("reads every post as this thread does, and hands over each published body rendered, to be used without a parse", async () => {
    const here = buildMarkdown(root);
    const onThisThread = await readPosts(site.postFiles, { ...options, md: here, minPostsForWorker: Infinity });
    const there = buildMarkdown(root);
    const parses = countParses(there);
    const onWorker = await readPosts(site.postFiles, { ...options, md: there, minPostsForWorker: 0, readHere: false });
    assert.equal(parses(), 0, "this thread read nothing");
    assert.deepEqual(onWorker, onThisThread);

    const published = onWorker.flatMap(({ file, result: { post } }) =>
      post && file !== IMAGE_POST && postStatus(post.frontMatter, site.today) === "published" ? [{ file, post }] : [],
    );
    assert.ok(published.length > 10);
    for (const { file, post } of published) {
      assert.equal(there.render(post.body, renderEnv(file)), here.render(post.body, renderEnv(file)), file);
    }
    assert.equal(parses(), 0);
  });

  it("leaves a body with an image of ours to this thread, whose instance encodes images", async () => {
    const md = buildMarkdown(root);
    const reads = await readPosts(site.postFiles, { ...options, md, minPostsForWorker: 0, readHere: false });
    const body = reads.find((read) => read.file === IMAGE_POST)!.result.post!.body;
    const parses = countParses(md);
    assert.match(md.render(body, renderEnv(IMAGE_POST)), /<picture data-alt="Two cups"><\/picture>/);
    assert.equal(parses(), 1, "rendered here, from a parse of its own");
  });

  it("renders no draft or scheduled post ahead in a production build", async () => {
    const md = buildMarkdown(root);
    const reads = await readPosts(site.postFiles, { ...options, md, minPostsForWorker: 0, readHere: false });
    const draft = reads.find((read) => read.file === DRAFT_POST)!.result.post!;
    assert.equal(draft.frontMatter.draft, true);
    const parses = countParses(md);
    md.render(draft.body, renderEnv(DRAFT_POST));
    assert.equal(parses(), 1);
  });
});
