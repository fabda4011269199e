import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import nunjucks from "nunjucks";

import nunjucksCachePlugin from "../../lib/nunjucks-cache/plugin.ts";

const PAGES = 6;

/** Sources of the list template that Nunjucks compiled, counted on the module instance Eleventy renders with. */
const listCompiles: string[] = [];
const templatePrototype = nunjucks.Template.prototype as unknown as { _compile(): void; path?: string; tmplStr?: string };
const compile = templatePrototype._compile;
templatePrototype._compile = function (this: { path?: string; tmplStr?: string }) {
  if (this.path?.endsWith("list.njk")) listCompiles.push(this.tmplStr ?? "");
  return compile.call(this);
};
after(() => (templatePrototype._compile = compile));

describe("the Nunjucks compile cache", () => {
  it("compiles a paginated template's content and permalink once each for all its pages", async () => {
    const site = mkdtempSync(path.join(tmpdir(), "nunjucks-cache-"));
    after(() => rmSync(site, { recursive: true, force: true }));
    mkdirSync(path.join(site, "src/_includes"), { recursive: true });
    const numbers = Array.from({ length: PAGES }, (_, i) => i + 1).join(", ");
    writeFileSync(
      path.join(site, "src/list.njk"),
      `---\npagination:\n  data: numbers\n  size: 1\nnumbers: [${numbers}]\npermalink: "/list/{{ pagination.pageNumber }}/"\n---\n<h1>Numbers</h1>{% include "item.njk" %}\n`,
    );
    writeFileSync(path.join(site, "src/_includes/item.njk"), "<p>Item {{ pagination.items[0] }}</p>");

    const output = path.join(site, "_site");
    const eleventy = new Eleventy(path.join(site, "src"), output, {
      quietMode: true,
      config: (eleventyConfig: UserConfig) => eleventyConfig.addPlugin(nunjucksCachePlugin),
    });
    await eleventy.write();

    // Without the cache: each of the two sources once per page.
    assert.equal(listCompiles.length, 2);
    assert.equal(new Set(listCompiles).size, 2);
    for (let page = 0; page < PAGES; page++) {
      const html = readFileSync(path.join(output, "list", String(page), "index.html"), "utf8");
      assert.equal(html.trim(), `<h1>Numbers</h1><p>Item ${page + 1}</p>`);
    }
  });
});
