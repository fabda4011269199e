// The benchmark's own helpers: the synthetic posts must be reproducible and
// shaped like real posts, or its figures mean nothing.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";

import { BENCH_TAGS, generatePosts } from "../../lib/bench/generate-posts.ts";
import { descendantsOf, parseProcStat, watchProcesses } from "../../lib/bench/processes.ts";
import { summarizeProfile, type CpuProfile } from "../../lib/bench/profile.ts";
import { buildStats, formatReport, formatSearchReport, median } from "../../lib/bench/report.ts";
import { readPost } from "../../lib/content/posts.ts";
import { createMarkdown } from "../../lib/markdown/index.ts";

describe("synthetic posts", () => {
  it("are identical for the same seed and differ for another", () => {
    const first = generatePosts({ count: 20, seed: 7 });
    assert.deepEqual(generatePosts({ count: 20, seed: 7 }), first);
    assert.notDeepEqual(generatePosts({ count: 20, seed: 8 }), first);
  });

  it("are valid posts whose bodies count 600 to 900 words as the content index counts them", () => {
    const md = createMarkdown();
    for (const generated of generatePosts({ count: 60, seed: 3 })) {
      const { post, problems } = readPost(generated.text, generated.file, md);
      assert.deepEqual(problems, [], generated.file);
      assert.equal(post!.words, generated.words, generated.file);
      assert.ok(post!.words >= 600 && post!.words <= 900, `${generated.file}: ${post!.words} words`);
    }
  });

  it("have unique slugs, tags from the fixed set, and dates over fifteen years", () => {
    const posts = generatePosts({ count: 500 });
    assert.equal(new Set(posts.map((p) => p.slug)).size, 500);
    const years = new Set(posts.map((p) => Number(p.file.split("/")[1])));
    assert.equal(Math.min(...years), 2011);
    assert.equal(Math.max(...years), 2025);
    const md = createMarkdown();
    const tags = new Set(posts.slice(0, 100).flatMap((p) => readPost(p.text, p.file, md).post!.frontMatter.tags));
    assert.ok([...tags].every((tag) => (BENCH_TAGS as readonly string[]).includes(tag)));
  });

  it("cite tweets in front matter and in the body, and give half of them a description", () => {
    const md = createMarkdown();
    const posts = generatePosts({ count: 200 }).map((p) => readPost(p.text, p.file, md).post!);
    const described = posts.filter((p) => p.frontMatter.description !== undefined).length;
    assert.ok(described > 70 && described < 130, `${described} of 200 described`);
    assert.ok(posts.some((p) => p.frontMatter.tweets.length === 2));
    assert.ok(posts.some((p) => p.citations.some((c) => !c.placed && c.line > 5)));
    assert.ok(posts.every((p) => p.citedTweets.every((n) => n >= 1 && n <= 140)));
  });
});

describe("benchmark arithmetic", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it("reports each first search as a table row with its typing speed, its median time and its bytes in KB", () => {
    const report = formatSearchReport({
      posts: 4000,
      words: [
        { word: "career", matches: "every post", keyDelayMs: 40, ms: [450, 410, 900], bytes: 299_008 },
        { word: "career", matches: "every post", keyDelayMs: 150, ms: [380, 400, 390], bytes: 348_160 },
        { word: "homework", matches: "one tweet", keyDelayMs: 40, ms: [250, 260], bytes: 256_000 },
      ],
    });
    const rows = report.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| First") && !line.startsWith("| ---"));
    assert.deepEqual(rows, [
      "| career | every post | 40 ms a key | 450 ms | 292 KB |",
      "| career | every post | 150 ms a key | 390 ms | 340 KB |",
      "| homework | one tweet | 40 ms a key | 255 ms | 250 KB |",
    ]);
    assert.match(report, /4000-post site .*median of 3/);
  });

  it("reports the search share only when the build timed a search phase", () => {
    const run = { wallMs: 1000, cpuMs: 900, peakRssBytes: 1 };
    assert.equal(buildStats([{ ...run, phases: { eleventy: 900 } }]).searchShare, undefined);
    assert.equal(buildStats([{ ...run, phases: { eleventy: 900, "search-index": 250 } }]).searchShare, 0.25);
  });

  it("counts a function's self time where it was sampled and its total time once per sample", () => {
    const frame = (functionName: string) => ({ functionName, url: "file:///repo/lib/x.ts", lineNumber: 0, columnNumber: 0 });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame("outer"), children: [2] },
        { id: 2, callFrame: frame("inner"), children: [3] },
        { id: 3, callFrame: frame("outer") },
      ],
      samples: [1, 2, 3],
      timeDeltas: [1000, 2000, 4000],
    };
    const byName = new Map(summarizeProfile(profile, "/repo").functions.map((f) => [f.name, f]));
    assert.deepEqual(byName.get("outer (lib/x.ts:1)"), { name: "outer (lib/x.ts:1)", file: "lib/x.ts", selfMs: 5, totalMs: 7 });
    assert.deepEqual(byName.get("inner (lib/x.ts:1)"), { name: "inner (lib/x.ts:1)", file: "lib/x.ts", selfMs: 2, totalMs: 6 });
  });
});

/** The build report's table: one object per build row, its cells by column heading. */
function buildTable(report: string): Array<Record<string, string>> {
  const cells = (line: string) => line.split("|").slice(1, -1).map((cell) => cell.trim());
  const lines = report.split("\n");
  const header = cells(lines[0]!);
  return lines.filter((line) => /^\| \d/.test(line)).map((line) => Object.fromEntries(cells(line).map((cell, i) => [header[i], cell])));
}

describe("the build report", () => {
  it("compares our build, with and without the search index, to bare Eleventy in one table", () => {
    const stats = (wallMs: number) => buildStats([{ wallMs, cpuMs: wallMs, peakRssBytes: 100 * 1024 * 1024 }]);
    const report = formatReport([{ posts: 1000, ours: stats(2000), oursNoSearch: stats(1300), bare: stats(1000) }], undefined);
    assert.deepEqual(
      buildTable(report).map((row) => [row["Build"], row["Ours / bare (wall)"]]),
      [
        ["ours", "2.00×"],
        ["ours, no search index", "1.30×"],
        ["bare Eleventy", ""],
      ],
    );
  });
});

describe("the processes of a build, read from /proc", () => {
  it("is read from a /proc stat line whose name holds spaces and parentheses", () => {
    const line = "4217 (pagefind (x) y) S 4196 4190 384 0 -1 4194560 5120 0 0 0 1234 210 0 0 20 0 3 0 99 174740 28908";
    assert.deepEqual(parseProcStat(line), { pid: 4217, parentPid: 4196, name: "pagefind (x) y", cpuTicks: 1444 });
    assert.equal(parseProcStat("not a stat line"), undefined);
  });

  it("counts the processes below the build's, however deep, and no others", () => {
    const sample = (pid: number, parentPid: number) => ({ pid, parentPid, name: `p${pid}`, cpuTicks: 0 });
    const samples = [sample(10, 1), sample(11, 10), sample(12, 11), sample(13, 10), sample(20, 1), sample(21, 20)];
    assert.deepEqual(
      descendantsOf(10, samples).map((s) => s.pid).sort(),
      [11, 12, 13],
    );
  });

  it("adds up the CPU time a named child used while it ran, the memory of all children together, and the most one held", { skip: existsSync("/proc/self/stat") ? false : "no /proc on this system" }, async () => {
    const MB = 1024 * 1024;
    const busy = 'process.title = "cpu-burner"; const held = Buffer.alloc(64 * 1024 * 1024, 1); const end = Date.now() + 600; while (Date.now() < end);';
    const idle = "const held = Buffer.alloc(48 * 1024 * 1024, 1); setTimeout(() => held.length, 800);";
    const children = [spawn(process.execPath, ["-e", busy]), spawn(process.execPath, ["-e", idle])];
    const watch = watchProcesses(process.pid, /^cpu-burner$/, 20);
    await Promise.all(children.map((child) => new Promise((resolve) => child.on("exit", resolve))));
    const { cpuMs, peakBytes, largestBytes } = watch.stop();
    assert.ok(cpuMs >= 300 && cpuMs <= 1000, `${cpuMs} ms of CPU for a 600 ms busy loop`);
    assert.ok(peakBytes >= 112 * MB, `${peakBytes} bytes for children that hold 64 and 48 MB at once`);
    assert.ok(largestBytes >= 64 * MB && largestBytes < peakBytes, `${largestBytes} bytes for the larger child`);
  });
});

describe("the build report's memory", () => {
  it("shows the peak of all a build's processes together beside the largest one process", () => {
    const MB = 1024 * 1024;
    const run = (peak: number, largest?: number) => buildStats([{ wallMs: 1000, cpuMs: 1000, peakRssBytes: peak * MB, largestProcessBytes: largest && largest * MB }]);
    const report = formatReport([{ posts: 4000, ours: run(1700, 950), oursNoSearch: run(700, 680), bare: run(300) }], undefined);
    assert.deepEqual(
      buildTable(report).map((row) => [row["Build"], row["Peak memory (all processes)"], row["Largest process"]]),
      [
        ["ours", "1700 MB", "950 MB"],
        ["ours, no search index", "700 MB", "680 MB"],
        ["bare Eleventy", "300 MB", "n/a"],
      ],
    );
  });
});

describe("the build report's CPU", () => {
  it("includes Pagefind's process and says how much of it that was", () => {
    const run = (cpuMs: number, pagefindCpuMs?: number) => buildStats([{ wallMs: 1000, cpuMs, pagefindCpuMs, peakRssBytes: 1 }]);
    const report = formatReport([{ posts: 4000, ours: run(3000, 1200), oursNoSearch: run(1500), bare: run(1000) }], undefined);
    assert.match(report, /^CPU includes Pagefind's own process \(read from \/proc\): 1\.20 s at 4000 posts\.$/m);
    assert.equal(buildStats([{ wallMs: 1, cpuMs: 1, peakRssBytes: 1 }]).pagefindCpuMs, undefined);
  });
});
