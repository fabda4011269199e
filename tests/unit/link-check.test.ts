import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { checkLinks, formatBrokenLink, htmlPages } from "../support/link-check.ts";

let root = "";

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

before(() => {
  root = mkdtempSync(path.join(tmpdir(), "links-"));
  write("index.html", `<!doctype html><title>Home</title>
    <link rel="stylesheet" href="/style.css"><link rel="canonical" href="https://blog.example.com/">
    <a href="posts/a/">A</a> <a href="/posts/a/#second">second</a> <a href="#top">top</a>
    <a href="https://elsewhere.example.com/missing">external</a> <a href="mailto:dana@example.com">mail</a>
    <form action="/search/"></form> <a href="/search/?q=coffee">coffee</a>
    <img src="/img/a-400.jpeg" srcset="/img/a-400.jpeg 400w, /img/a-800.jpeg 800w" alt="">`);
  write("style.css", "");
  write("img/a-400.jpeg", "");
  write("img/a-800.jpeg", "");
  write("search/index.html", "<!doctype html><title>Search</title>");
  write("posts/a/index.html", `<!doctype html><title>A</title><h2 id="second">Second</h2><a href="../../">home</a>`);
});
after(() => rmSync(root, { recursive: true, force: true }));

describe("the link checker", () => {
  it("lists every HTML page by its site URL", () => {
    assert.deepEqual(htmlPages(root), ["/", "/posts/a/", "/search/"]);
  });

  it("accepts relative links, folder URLs, query strings, fragments, srcset and the site's own absolute URLs", () => {
    assert.deepEqual(checkLinks(root, { siteUrl: "https://blog.example.com" }).broken, []);
  });

  it("reports missing files, missing fragment targets and images missing from a srcset", () => {
    write("broken.html", `<!doctype html><title>Broken</title>
      <a href="/posts/b/">gone</a> <a href="/posts/a/#third">no such heading</a>
      <img src="/img/a-400.jpeg" srcset="/img/a-1200.jpeg 1200w" alt="">
      <a href="https://blog.example.com/old/">old absolute</a>`);
    try {
      assert.deepEqual(checkLinks(root, { siteUrl: "https://blog.example.com" }).broken.map(formatBrokenLink), [
        "/broken.html: /posts/b/ → /posts/b/: no such file in the build",
        '/broken.html: /posts/a/#third → /posts/a/#third: no element with id "third"',
        "/broken.html: https://blog.example.com/old/ → /old/: no such file in the build",
        "/broken.html: /img/a-1200.jpeg → /img/a-1200.jpeg: no such file in the build",
      ]);
    } finally {
      rmSync(path.join(root, "broken.html"));
    }
  });
});
