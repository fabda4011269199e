import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { parseHTML } from "linkedom";
import markdownIt from "markdown-it";

import { markdownImagesPlugin } from "../../lib/images/markdown-images.ts";
import { localImageFile } from "../../lib/images/local-file.ts";
import { IMAGE_SIZES, ImageCache } from "../../lib/images/responsive-image.ts";
import { PROJECT_ROOT } from "../support/site.ts";

let root = "";
let cacheDir = "";

before(() => {
  root = mkdtempSync(path.join(tmpdir(), "images-"));
  cacheDir = path.join(root, ".cache");
  mkdirSync(path.join(root, "assets", "images"), { recursive: true });
  mkdirSync(path.join(root, "posts"));
  copyFileSync(path.join(PROJECT_ROOT, "assets/images/coffee-chat.jpg"), path.join(root, "assets/images/cup.jpg"));
  copyFileSync(path.join(PROJECT_ROOT, "assets/images/coffee-chat.jpg"), path.join(root, "posts/beside.jpg"));
});
after(() => rmSync(root, { recursive: true, force: true }));

function parse(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

describe("localImageFile", () => {
  it("reads a site-absolute path from the input folder and a relative one beside the post", () => {
    assert.equal(localImageFile("/assets/images/cup.jpg", root), path.join(root, "assets/images/cup.jpg"));
    assert.equal(localImageFile("beside.jpg", root, path.join(root, "posts/p.md")), path.join(root, "posts/beside.jpg"));
  });

  it("leaves remote, SVG and missing images to the default markup", () => {
    assert.equal(localImageFile("https://example.com/a.jpg", root), undefined);
    assert.equal(localImageFile("//example.com/a.jpg", root), undefined);
    assert.equal(localImageFile("/favicon.svg", root), undefined);
    assert.equal(localImageFile("/assets/images/nope.jpg", root), undefined);
  });
});

describe("responsive images", () => {
  it("render a body image as a lazy picture with AVIF, WebP and JPEG in several widths, sized", async () => {
    const images = new ImageCache(cacheDir);
    const md = markdownIt().use(markdownImagesPlugin, { inputDir: () => root, images });
    const document = parse(md.render("![Two *cups*](/assets/images/cup.jpg)"));
    const sources = [...document.querySelectorAll("picture source")];
    assert.deepEqual(sources.map((source) => source.getAttribute("type")), ["image/avif", "image/webp"]);
    for (const source of sources) {
      assert.equal(source.getAttribute("srcset")?.split(", ").length, 4);
      assert.equal(source.getAttribute("sizes"), IMAGE_SIZES);
    }
    const img = document.querySelector("picture img")!;
    assert.equal(img.getAttribute("alt"), "Two cups");
    assert.equal(img.getAttribute("width"), "1600");
    assert.equal(img.getAttribute("height"), "900");
    assert.equal(img.getAttribute("loading"), "lazy");
    assert.equal(img.getAttribute("decoding"), "async");
    assert.match(img.getAttribute("src") ?? "", /^\/img\/.+\.jpeg$/);

    const files = await images.settle();
    assert.equal(files.length, 12);
    for (const file of files) assert.ok(statSync(file.cachedPath).size > 0, file.cachedPath);
  });

  it("render a cover eagerly with high fetch priority", () => {
    const html = new ImageCache(cacheDir).render(path.join(root, "assets/images/cup.jpg"), "Cups", { eager: true }).html;
    const img = parse(html).querySelector("img")!;
    assert.equal(img.getAttribute("loading"), "eager");
    assert.equal(img.getAttribute("fetchpriority"), "high");
  });

  it("reuse files already in the cache folder instead of encoding them again", async () => {
    const first = new ImageCache(cacheDir);
    first.render(path.join(root, "assets/images/cup.jpg"), "Cups");
    const files = await first.settle();
    const before = files.map((file) => statSync(file.cachedPath).mtimeMs);
    const second = new ImageCache(cacheDir);
    second.render(path.join(root, "assets/images/cup.jpg"), "Cups");
    const again = await second.settle();
    assert.deepEqual(again.map((file) => statSync(file.cachedPath).mtimeMs), before);
  });

  it("leave remote images to markdown-it's own rule", () => {
    const md = markdownIt().use(markdownImagesPlugin, { inputDir: () => root, images: new ImageCache(cacheDir) });
    const document = parse(md.render("![Remote](https://example.com/a.jpg)"));
    assert.equal(document.querySelector("picture"), null);
    assert.equal(document.querySelector("img")?.getAttribute("src"), "https://example.com/a.jpg");
  });
});
