import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

import Eleventy from "@11ty/eleventy";

import devPlugin, { WRITE_SETTLE_MS } from "../../lib/dev/plugin.ts";

describe("the dev server's file watcher", () => {
  const input = mkdtempSync(path.join(tmpdir(), "blog-watch-"));
  after(() => rmSync(input, { recursive: true, force: true }));

  it("starts a rebuild once a saved file has kept its size for 40 ms, not Eleventy's 150 ms", async () => {
    const eleventy = new Eleventy(input, path.join(input, "_site"), { quietMode: true, config: (config: Parameters<typeof devPlugin>[0]) => devPlugin(config) });
    await eleventy.init();
    const { awaitWriteFinish } = (eleventy as unknown as { getChokidarConfig(): { awaitWriteFinish: { stabilityThreshold: number } } }).getChokidarConfig();
    assert.equal(WRITE_SETTLE_MS, 40);
    assert.equal(awaitWriteFinish.stabilityThreshold, WRITE_SETTLE_MS);
  });
});
