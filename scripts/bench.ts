// `npm run bench`: our production build against a bare Eleventy build of the
// same synthetic posts, alternating, plus the dev server's one-post rebuild.
// Then a first search on the largest site in Chromium (when it is installed).
// Options: --posts N (repeatable or 1000,4000), --runs K, --seed S,
// --json [FILE], --no-dev, --no-search, --profile (CPU profile of our largest
// build), --keep.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, appendFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import type { Browser } from "playwright-core";

import { TIMINGS_PREFIX } from "../lib/build/timings.ts";
import { generatePosts, type GeneratedPost } from "../lib/bench/generate-posts.ts";
import { watchProcesses } from "../lib/bench/processes.ts";
import { isOurs, summarizeProfile, topBy, type CpuProfile } from "../lib/bench/profile.ts";
import {
  buildStats,
  formatReport,
  formatSearchReport,
  median,
  type BuildRun,
  type DevEditResult,
  type SearchProbeResult,
  type SizeResult,
} from "../lib/bench/report.ts";
import { BARE_CONFIG_FILE, writeBareSite, writeFullSite } from "../lib/bench/site.ts";
import { browserSkipReason, isolatedContext, launchBrowser } from "../tests/support/browser.ts";
import { servedBytes, typeAndTimeResults } from "../tests/support/search-timing.ts";
import { serveStatic } from "../tests/support/server.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const ELEVENTY_CLI = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
const TSX = import.meta.resolve("tsx");
const TIME = "/usr/bin/time";
/** Pinned so no generated post is scheduled and every run builds the same pages. */
const BUILD_DATE = "2026-06-01T12:00:00Z";
const DEV_EDITS = 5;

const { values } = parseArgs({
  options: {
    posts: { type: "string", multiple: true },
    runs: { type: "string", default: "3" },
    seed: { type: "string", default: "20240611" },
    json: { type: "string" },
    "no-dev": { type: "boolean", default: false },
    "no-search": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
  // `--json` alone means the default file.
  args: process.argv.slice(2).flatMap((arg, i, all) => (arg === "--json" && (all[i + 1] ?? "--").startsWith("--") ? ["--json=bench-results/bench.json"] : [arg])),
});

const sizes = (values.posts ?? ["1000,4000"]).flatMap((v) => v.split(",")).map(Number);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error("Usage: npm run bench -- [--posts 1000,4000] [--runs 3] [--seed N] [--json [FILE]] [--no-dev] [--no-search] [--profile] [--keep]");
  process.exit(2);
}
if (!existsSync(TIME)) {
  console.error(`${TIME} is missing: install Debian's \`time\` package (apt-get install time).`);
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), "blog-bench-"));
const log = (message: string) => console.error(`[bench] ${message}`);

interface Sites {
  posts: GeneratedPost[];
  full: string;
  bare: string;
}

function prepare(count: number): Sites {
  const posts = generatePosts({ count, seed });
  const full = path.join(work, `${count}`, "site");
  const bare = path.join(work, `${count}`, "bare");
  writeFullSite(full, ROOT, posts);
  writeBareSite(bare, posts);
  return { posts, full, bare };
}

interface Command {
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const buildEnv = { ...process.env, BLOG_MODE: "production", BLOG_BUILD_DATE: BUILD_DATE, BLOG_TIMINGS: "1" };

/**
 * Every build writes into a folder no build used before, as on Netlify, and
 * none is deleted until the bench ends. This machine's disk is ext4 without a
 * journal, which will not reuse a file's inode for minutes after the file is
 * deleted: every file made after thousands were deleted scans past them, up to
 * 5 times slower here. Deleting each build's output before the next would
 * charge a build for its predecessor's deletions, the most to the build that
 * writes the most files.
 */
const outputsMade = new Map<string, number>();
function freshOutput(parent: string, name: string): string {
  const base = path.join(parent, name);
  const count = (outputsMade.get(base) ?? 0) + 1;
  outputsMade.set(base, count);
  return `${base}-${count}`;
}

/** The output folder of the last build named `name` (the search probe reads our last full build). */
function lastOutput(parent: string, name: string): string {
  const base = path.join(parent, name);
  return `${base}-${outputsMade.get(base) ?? 0}`;
}

function oursCommand(sites: Sites, extraNodeArgs: string[] = [], buildArgs: string[] = [], outputName = "out-ours"): Command {
  const output = freshOutput(path.dirname(sites.full), outputName);
  return {
    args: ["node", ...extraNodeArgs, "--import", TSX, path.join(ROOT, "scripts/build.ts"), "--input", sites.full, "--output", output, ...buildArgs],
    cwd: ROOT,
    env: buildEnv,
  };
}

/** Our build without the search index: the site's own cost, for the budget that leaves search out. */
function oursNoSearchCommand(sites: Sites): Command {
  // Its own output folders: the search probe reads the index of the last full build.
  return oursCommand(sites, [], ["--no-search-index"], "out-ours-no-search");
}

function bareCommand(sites: Sites): Command {
  const output = freshOutput(path.dirname(sites.bare), "out-bare");
  return {
    args: ["node", ELEVENTY_CLI, `--config=${BARE_CONFIG_FILE}`, "--input=.", `--output=${output}`, "--quiet"],
    cwd: sites.bare,
    env: buildEnv,
  };
}

/**
 * Runs a build under /usr/bin/time: wall time here, CPU and peak memory from
 * the kernel. Read from /proc while it runs: the CPU time of Pagefind's
 * process, which the build stops without waiting for (so /usr/bin/time does
 * not count it), and the peak of all its processes' memory together.
 */
async function measure(command: Command): Promise<BuildRun> {
  const timeFile = path.join(work, "time.txt");
  const started = performance.now();
  let watch: ReturnType<typeof watchProcesses> | undefined;
  const { code, stdout, stderr } = await run([TIME, "-o", timeFile, "-f", "%U %S %M", ...command.args], command.cwd, command.env, (pid) => {
    watch = watchProcesses(pid, /^pagefind/);
  });
  const wallMs = performance.now() - started;
  const processes = watch?.stop() ?? { cpuMs: 0, peakBytes: 0, largestBytes: 0 };
  const pagefindCpuMs = processes.cpuMs;
  if (code !== 0) throw new Error(`build failed (${command.args.join(" ")}):\n${stdout}\n${stderr}`);
  const [user, system, maxKb] = readFileSync(timeFile, "utf8").trim().split(/\s+/).slice(-3).map(Number);
  const timings = stdout.split("\n").find((line) => line.startsWith(TIMINGS_PREFIX));
  return {
    wallMs,
    cpuMs: (user! + system!) * 1000 + pagefindCpuMs,
    pagefindCpuMs,
    // The largest one process held, or all together at one look, if more.
    peakRssBytes: Math.max(maxKb! * 1024, processes.peakBytes),
    largestProcessBytes: Math.max(maxKb! * 1024, processes.largestBytes),
    phases: timings ? (JSON.parse(timings.slice(TIMINGS_PREFIX.length)) as { phases: Record<string, number> }).phases : undefined,
  };
}

function run(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  started?: (pid: number) => void,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(args[0]!, args.slice(1), { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    if (child.pid !== undefined) started?.(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function benchSize(count: number): Promise<{ result: SizeResult; sites: Sites }> {
  log(`${count} posts: generating`);
  const sites = prepare(count);
  log(`${count} posts: warm-up builds`);
  const builds = [
    { name: "ours", command: oursCommand, runs: [] as BuildRun[] },
    { name: "ours without search index", command: oursNoSearchCommand, runs: [] as BuildRun[] },
    { name: "bare", command: bareCommand, runs: [] as BuildRun[] },
  ];
  for (const build of builds) await measure(build.command(sites));
  for (let i = 1; i <= runs; i++) {
    // Each run starts with the next build in turn, so load from anything else on the machine falls on all alike.
    for (let j = 0; j < builds.length; j++) {
      const build = builds[(i - 1 + j) % builds.length]!;
      build.runs.push(await measure(build.command(sites)));
    }
    log(`${count} posts: run ${i}/${runs}: ${builds.map((b) => `${b.name} ${(b.runs.at(-1)!.wallMs / 1000).toFixed(1)} s`).join(", ")}`);
  }
  const [ours, oursNoSearch, bare] = builds.map((build) => buildStats(build.runs));
  return { result: { posts: count, ours: ours!, oursNoSearch: oursNoSearch!, bare: bare! }, sites };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a dev server, waits for its first build, then appends a unique line
 * to one post several times and times each save until the page holds it.
 */
async function devEdits(cwd: string, nodeArgs: string[], post: GeneratedPost, outputFile: string): Promise<number[]> {
  const port = await freePort();
  const child = spawn("node", [...nodeArgs, "--serve", "--incremental", `--port=${port}`], {
    cwd,
    env: { ...process.env, BLOG_MODE: "development", BLOG_BUILD_DATE: BUILD_DATE },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let builds = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk;
    builds = output.split("Watching…").length - 1;
  });
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const until = async (done: () => boolean, what: string, limitMs: number) => {
    const deadline = performance.now() + limitMs;
    while (!done()) {
      if (performance.now() > deadline || child.exitCode !== null) throw new Error(`dev server: no ${what}:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const times: number[] = [];
  try {
    await until(() => builds >= 1 && output.includes("Server at"), "first build", 300_000);
    // The file watcher is not ready the moment the server is: let it settle.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const file = path.join(cwd, post.file);
    for (let edit = 0; edit < DEV_EDITS; edit++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const marker = `benchmarker${process.pid}x${edit}x${Date.now()}`;
      const buildsBefore = builds;
      const started = performance.now();
      appendFileSync(file, `\nEdited: ${marker}\n`);
      await until(() => existsSync(outputFile) && readFileSync(outputFile, "utf8").includes(marker), "rebuilt page", 60_000);
      times.push(performance.now() - started);
      await until(() => builds > buildsBefore, "end of rebuild", 60_000);
    }
  } finally {
    child.kill();
  }
  return times;
}

async function benchDev(sites: Sites): Promise<DevEditResult> {
  const post = sites.posts[Math.floor(sites.posts.length / 2)]!;
  log(`${sites.posts.length} posts: dev server one-post edits (ours)`);
  const oursMs = await devEdits(
    sites.full,
    ["--import", TSX, ELEVENTY_CLI, `--config=${path.join(ROOT, ".eleventy.ts")}`],
    post,
    path.join(sites.full, "_site", "posts", post.slug, "index.html"),
  );
  log(`${sites.posts.length} posts: dev server one-post edits (bare Eleventy)`);
  const bareMs = await devEdits(
    sites.bare,
    [ELEVENTY_CLI, `--config=${BARE_CONFIG_FILE}`],
    post,
    path.join(sites.bare, "_site", post.file.replace(/\.md$/, ""), "index.html"),
  );
  return { posts: sites.posts.length, oursMs, bareMs };
}

/**
 * Words for a first search: one in every synthetic post (the most results,
 * the slowest search) and one in a single Success Tweet of ours.
 */
const SEARCH_WORDS = [
  { word: "career", matches: "every post" },
  { word: "homework", matches: "one tweet" },
];
/**
 * ms between keystrokes. At 40 ms no search starts before the last key (the
 * search input waits 100 ms). At 150 ms, ordinary typing, the page searches
 * each beginning of the word the reader pauses on ("ca", "car", ...): those
 * searches load index chunks of their own and keep Pagefind's worker busy.
 */
const SEARCH_KEY_DELAYS = [40, 150];
const SEARCH_TRIES = 3;

/** One first query in a fresh page with an empty cache: ms to results, and bytes from /pagefind/. */
async function firstSearch(browser: Browser, origin: string, output: string, word: string, keyDelayMs: number): Promise<{ ms: number; bytes: number }> {
  const { context } = await isolatedContext(browser, origin);
  try {
    const requested = new Set<string>();
    context.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith("/pagefind/")) requested.add(pathname);
    });
    const page = await context.newPage();
    await page.goto(`${origin}/search/`);
    await page.waitForLoadState("networkidle");
    const ms = await typeAndTimeResults(page, word, keyDelayMs);
    await page.waitForLoadState("networkidle");
    return { ms, bytes: [...requested].reduce((sum, file) => sum + servedBytes(output, file), 0) };
  } finally {
    await context.close();
  }
}

/** Times first queries on our built site, each word at each typing speed. */
async function benchSearch(sites: Sites): Promise<SearchProbeResult> {
  const output = lastOutput(path.dirname(sites.full), "out-ours");
  log(`${sites.posts.length} posts: first searches in Chromium`);
  const server = await serveStatic(output, { compress: true });
  const browser = await launchBrowser();
  try {
    const words: SearchProbeResult["words"] = [];
    for (const { word, matches } of SEARCH_WORDS) {
      for (const keyDelayMs of SEARCH_KEY_DELAYS) {
        const tries: Array<{ ms: number; bytes: number }> = [];
        for (let attempt = 0; attempt < SEARCH_TRIES; attempt++) tries.push(await firstSearch(browser, server.url, output, word, keyDelayMs));
        words.push({ word, matches, keyDelayMs, ms: tries.map((t) => t.ms), bytes: median(tries.map((t) => t.bytes)) });
      }
    }
    return { posts: sites.posts.length, words };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function profile(sites: Sites): Promise<string> {
  const dir = path.join(work, "profile");
  mkdirSync(dir, { recursive: true });
  log(`${sites.posts.length} posts: CPU profile of our build`);
  await measure(oursCommand(sites, ["--cpu-prof", `--cpu-prof-dir=${dir}`]));
  const lines = ["", `Our code (lib/) in a CPU profile of our ${sites.posts.length}-post build:`, "", "| Function | Self | Total |", "| --- | ---: | ---: |"];
  for (const name of readdirSync(dir)) {
    const summary = summarizeProfile(JSON.parse(readFileSync(path.join(dir, name), "utf8")) as CpuProfile, ROOT);
    for (const fn of topBy(summary.functions.filter(isOurs), "totalMs", 15)) {
      lines.push(`| \`${fn.name}\` | ${Math.round(fn.selfMs)} ms | ${Math.round(fn.totalMs)} ms |`);
    }
  }
  return lines.join("\n");
}

const results: SizeResult[] = [];
let largest: Sites | undefined;
const loadBefore = loadavg();
try {
  for (const count of sizes) {
    const { result, sites } = await benchSize(count);
    results.push(result);
    if (!largest || count > largest.posts.length) largest = sites;
  }
  const dev = values["no-dev"] || !largest ? undefined : await benchDev(largest);
  const searchSkip = values["no-search"] ? "--no-search" : browserSkipReason();
  if (searchSkip) log(`search not measured: ${searchSkip}`);
  const search = searchSkip || !largest ? undefined : await benchSearch(largest);
  const profileText = values.profile && largest ? await profile(largest) : "";

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}; load average ${loadBefore[0]!.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`;
  console.log(`Build benchmark: ${runs} runs each after a warm-up, seed ${seed}. ${machine}.\n`);
  console.log(formatReport(results, dev));
  if (search) console.log(`\n${formatSearchReport(search)}`);
  if (profileText) console.log(profileText);

  if (values.json) {
    const file = path.resolve(ROOT, values.json);
    mkdirSync(path.dirname(file), { recursive: true });
    const json = { seed, runs, buildDate: BUILD_DATE, machine, sizes: results, dev: dev && { ...dev, oursMedianMs: median(dev.oursMs), bareMedianMs: median(dev.bareMs) }, search };
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    log(`results written to ${path.relative(ROOT, file)}`);
  }
} finally {
  if (values.keep) log(`sites kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
