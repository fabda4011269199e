// The benchmark's arithmetic and its Markdown table: medians of repeated runs,
// our build against bare Eleventy, growth with the number of posts.

/** One measured build. */
export interface BuildRun {
  wallMs: number;
  /** User plus system CPU time of the build process, the children it waited for, and Pagefind's process. */
  cpuMs: number;
  /** The part of `cpuMs` that Pagefind's process used (read from /proc; 0 where there is none). */
  pagefindCpuMs?: number;
  /** Largest resident set of the build process or any one child, or of all its processes together at one moment, in bytes. */
  peakRssBytes: number;
  /**
   * Largest resident set of any one of its processes, in bytes: what
   * `/usr/bin/time` reports for a build that waits for its children, and how
   * the reference figures were measured.
   */
  largestProcessBytes?: number;
  /** Phase timings the build printed (`BLOG_TIMINGS=1`), when it did. */
  phases?: Record<string, number>;
}

export interface BuildStats {
  runs: BuildRun[];
  wallMs: number;
  cpuMs: number;
  peakRssBytes: number;
  /** Median of the runs' largest single process; undefined when no run measured one. */
  largestProcessBytes: number | undefined;
  /** Median share of the wall time spent in search-indexing phases; undefined when the build has none. */
  searchShare: number | undefined;
  /** Median CPU time of Pagefind's process; undefined when no run measured one. */
  pagefindCpuMs: number | undefined;
}

export interface SizeResult {
  posts: number;
  ours: BuildStats;
  /** Our build with the search index left out (`--no-search-index`): what the site costs without search. */
  oursNoSearch: BuildStats;
  bare: BuildStats;
}

export interface DevEditResult {
  posts: number;
  /** Milliseconds from saving a post until its rebuilt page was written, per edit. */
  oursMs: number[];
  bareMs: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Phases that count as search indexing, whatever the search plugin calls them. */
export function isSearchPhase(name: string): boolean {
  return /search|pagefind/i.test(name);
}

export function buildStats(runs: BuildRun[]): BuildStats {
  const shares = runs
    .filter((run) => run.phases && Object.keys(run.phases).some(isSearchPhase))
    .map((run) => sumPhases(run.phases!, isSearchPhase) / run.wallMs);
  return {
    runs,
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    peakRssBytes: median(runs.map((r) => r.peakRssBytes)),
    largestProcessBytes: medianIfMeasured(runs, "largestProcessBytes"),
    searchShare: shares.length > 0 ? median(shares) : undefined,
    pagefindCpuMs: medianIfMeasured(runs, "pagefindCpuMs"),
  };
}

/** The median of an optional figure, a run without it counting as 0; undefined when no run measured it. */
function medianIfMeasured(runs: readonly BuildRun[], key: "largestProcessBytes" | "pagefindCpuMs"): number | undefined {
  return runs.some((run) => run[key]) ? median(runs.map((run) => run[key] ?? 0)) : undefined;
}

function sumPhases(phases: Record<string, number>, keep: (name: string) => boolean): number {
  return Object.entries(phases).reduce((sum, [name, ms]) => (keep(name) ? sum + ms : sum), 0);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number | undefined) => (bytes === undefined ? "n/a" : `${Math.round(bytes / 1024 / 1024)} MB`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const percent = (share: number | undefined) => (share === undefined ? "n/a" : `${Math.round(share * 100)} %`);

/** The results as Markdown a reader can paste: one table, then growth and the dev server. */
export function formatReport(sizes: readonly SizeResult[], dev: DevEditResult | undefined): string {
  const lines = [
    "| Posts | Build | Wall (median) | CPU (user+sys) | Peak memory (all processes) | Largest process | ms per post | Ours / bare (wall) | Ours / bare (CPU) | Search share |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const { posts, ours, oursNoSearch, bare } of sizes) {
    const row = (name: string, stats: BuildStats) =>
      `| ${posts} | ${name} | ${seconds(stats.wallMs)} | ${seconds(stats.cpuMs)} | ${megabytes(stats.peakRssBytes)} | ${megabytes(stats.largestProcessBytes)} | ${(stats.wallMs / posts).toFixed(2)} | ` +
      `${ratio(stats.wallMs, bare.wallMs)} | ${ratio(stats.cpuMs, bare.cpuMs)} | ${percent(stats.searchShare)} |`;
    lines.push(
      row("ours", ours),
      row("ours, no search index", oursNoSearch),
      `| ${posts} | bare Eleventy | ${seconds(bare.wallMs)} | ${seconds(bare.cpuMs)} | ${megabytes(bare.peakRssBytes)} | ${megabytes(bare.largestProcessBytes)} | ${(bare.wallMs / posts).toFixed(2)} | | | |`,
    );
  }
  const pagefind = sizes.flatMap(({ posts, ours }) => (ours.pagefindCpuMs === undefined ? [] : [`${seconds(ours.pagefindCpuMs)} at ${posts} posts`]));
  if (pagefind.length > 0) lines.push("", `CPU includes Pagefind's own process (read from /proc): ${pagefind.join(", ")}.`);
  const sorted = [...sizes].sort((a, b) => a.posts - b.posts);
  const [smallest, largest] = [sorted[0], sorted.at(-1)];
  if (smallest && largest && smallest !== largest) {
    lines.push(
      "",
      `Growth ${smallest.posts} → ${largest.posts} posts (wall): ours ${ratio(largest.ours.wallMs, smallest.ours.wallMs)}, ` +
        `bare Eleventy ${ratio(largest.bare.wallMs, smallest.bare.wallMs)}; ` +
        `per extra post: ours ${marginal(smallest.ours, largest.ours, smallest.posts, largest.posts)}, ` +
        `bare ${marginal(smallest.bare, largest.bare, smallest.posts, largest.posts)}.`,
    );
  }
  if (dev) {
    lines.push(
      "",
      `Dev server, one-post edit on ${dev.posts} posts (save → page written, median of ${dev.oursMs.length}): ` +
        `ours ${Math.round(median(dev.oursMs))} ms, bare Eleventy \`--serve --incremental\` ${Math.round(median(dev.bareMs))} ms.`,
    );
  }
  return lines.join("\n");
}

function marginal(small: BuildStats, large: BuildStats, smallPosts: number, largePosts: number): string {
  return `${((large.wallMs - small.wallMs) / (largePosts - smallPosts)).toFixed(2)} ms`;
}

/** A first search on the built benchmark site, in Chromium. */
export interface SearchProbeResult {
  posts: number;
  words: Array<{
    word: string;
    /** What the word matches, in words ("every post", "one tweet"). */
    matches: string;
    /** ms between keystrokes as the word was typed. */
    keyDelayMs: number;
    /** ms from the last keystroke to results on screen, one per fresh page. */
    ms: number[];
    /** Bytes from /pagefind/ for the page and this first query (median over the pages). */
    bytes: number;
  }>;
}

export function formatSearchReport(search: SearchProbeResult): string {
  const lines = [
    `Search on the ${search.posts}-post site (fresh page each time; median of ${search.words[0]?.ms.length ?? 0}):`,
    "",
    "| First query | Matches | Typed | Last keystroke → results | Bytes from /pagefind/ |",
    "| --- | --- | --- | ---: | ---: |",
  ];
  for (const word of search.words) {
    lines.push(
      `| ${word.word} | ${word.matches} | ${word.keyDelayMs} ms a key | ${Math.round(median(word.ms))} ms | ${Math.round(word.bytes / 1024)} KB |`,
    );
  }
  return lines.join("\n");
}
