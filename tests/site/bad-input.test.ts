// Content with mistakes: every problem in one run, as `file:line: message`,
// a failed build, and the previous site left exactly as it was.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";

import { buildSite } from "../../lib/build/atomic-build.ts";
import { ContentError, formatProblem } from "../../lib/problems.ts";
import { composeSite, fixturePath, withBuildEnv } from "../support/site.ts";

describe("a build with bad posts", () => {
  it("reports every problem in every post at once, with file and line, and keeps the previous site", async () => {
    const input = composeSite(fixturePath("bad-posts"));
    const parent = mkdtempSync(path.join(tmpdir(), "blog-out-"));
    const output = path.join(parent, "_site");
    mkdirSync(output);
    writeFileSync(path.join(output, "index.html"), "previous site");
    const cwd = process.cwd();
    process.chdir(input);
    try {
      const error = await withBuildEnv({ mode: "production" }, () => buildSite({ input: ".", output })).then(
        () => assert.fail("the build should fail"),
        (e: unknown) => e,
      );
      assert.ok(error instanceof ContentError || (error as Error).name === "ContentError", String(error));
      assert.deepEqual((error as ContentError).problems.map(formatProblem), [
        'posts/2024/bad-date.md:3: date "2024-02-30" is not a real calendar date',
        "posts/2024/draft-no.md:4: draft must be true or false",
        "posts/2024/no-title.md:1: title is missing: add a title: line",
        "posts/2024/same-url-a.md:4: publishes at /posts/shared/, the same URL as posts/2024/2024-01-07-shared.md: give one of them a different slug",
        "posts/2024/tabbed.md:5: a tab character in the YAML: indent and separate with spaces only",
        'posts/2024/typo-key.md:2: unknown key "tittle": did you mean "title"?',
        "posts/2024/wrong-types.md:4: tags must be a list, like [networking, interviews]",
        "posts/2024/wrong-types.md:5: comments must be true or false",
      ]);
      assert.deepEqual(readdirSync(output), ["index.html"]);
      assert.equal(readFileSync(path.join(output, "index.html"), "utf8"), "previous site");
      assert.deepEqual(readdirSync(parent), ["_site"], "no half-written folder is left beside the site");
    } finally {
      process.chdir(cwd);
      rmSync(input, { recursive: true, force: true });
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("fails `npm run build` with the messages on stderr and a non-zero exit", async () => {
    const { spawnSync } = await import("node:child_process");
    const input = composeSite(fixturePath("bad-posts"));
    try {
      const result = spawnSync(process.execPath, ["--import", "tsx", path.resolve("scripts/build.ts"), "--input", input, "--output", path.join(input, "_site")], {
        encoding: "utf8",
        env: { ...process.env, BLOG_MODE: "production" },
      });
      assert.equal(result.status, 1);
      assert.match(result.stderr, /^ {2}posts\/2024\/bad-date\.md:3: date "2024-02-30" is not a real calendar date$/m);
      assert.match(result.stderr, /_site\/ was left as it was/);
    } finally {
      rmSync(input, { recursive: true, force: true });
    }
  });
});
