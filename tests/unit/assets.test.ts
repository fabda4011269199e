import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

import { buildAssets } from "../../lib/assets/plugin.ts";

describe("buildAssets", () => {
  const root = mkdtempSync(path.join(tmpdir(), "blog-assets-"));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, "assets/css"), { recursive: true });
  mkdirSync(path.join(root, "assets/js/parts"), { recursive: true });
  writeFileSync(path.join(root, "assets/css/site.css"), "body { color: #111; }\n");
  writeFileSync(path.join(root, "assets/js/page.ts"), 'import { greeting } from "./parts/greeting.ts";\nconsole.log(greeting);\n');
  writeFileSync(path.join(root, "assets/js/parts/greeting.ts"), 'export const greeting = "hello";\n');
  const touch = (file: string, text: string) => {
    writeFileSync(path.join(root, file), text);
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, file), later, later);
  };

  it("reuses the previous build while no input file changed", async () => {
    const first = await buildAssets(root);
    assert.deepEqual([...first.assets.keys()].sort(), ["css/site.css", "js/page.ts"]);
    assert.equal(await buildAssets(root, first), first);
  });

  it("builds again when a file that a script imports changes, under a new fingerprint", async () => {
    const first = await buildAssets(root);
    touch("assets/js/parts/greeting.ts", 'export const greeting = "hello again";\n');
    const second = await buildAssets(root, first);
    assert.notEqual(second, first);
    assert.notEqual(second.assets.get("js/page.ts")?.url, first.assets.get("js/page.ts")?.url);
    assert.equal(second.assets.get("css/site.css")?.url, first.assets.get("css/site.css")?.url);
  });

  it("builds again when an entry point is added", async () => {
    const first = await buildAssets(root);
    touch("assets/css/print.css", "body { color: #000; }\n");
    const second = await buildAssets(root, first);
    assert.ok(second.assets.has("css/print.css"));
  });
});
