// What a build's processes use beyond what /usr/bin/time sees. It counts the
// build's process and the children it waited for; our build stops Pagefind's
// process without waiting, so that process's CPU time (about a third of a
// 4,000-post build's) would be missing from the benchmark, and /usr/bin/time's
// peak memory is that of one process, while the build and Pagefind each hold
// hundreds of megabytes at once. On Linux the benchmark reads both from /proc
// while the build runs.
import { readdirSync, readFileSync } from "node:fs";

export interface ProcessSample {
  pid: number;
  parentPid: number;
  /** The executable's name, as the kernel keeps it (at most 15 characters). */
  name: string;
  /** User plus system CPU time so far, in clock ticks. */
  cpuTicks: number;
}

/** Reads one `/proc/<pid>/stat` line; undefined if it is not one. */
export function parseProcStat(line: string): ProcessSample | undefined {
  // The name is in parentheses and may itself hold spaces and parentheses:
  // the fields after it start after the last ")".
  const open = line.indexOf("(");
  const close = line.lastIndexOf(")");
  if (open < 0 || close < open) return undefined;
  const fields = line.slice(close + 2).split(" ");
  // After the name: state, ppid, ..., utime (14th field of the line) and stime (15th).
  const [parentPid, user, system] = [Number(fields[1]), Number(fields[11]), Number(fields[12])];
  const pid = Number(line.slice(0, open).trim());
  if (![pid, parentPid, user, system].every(Number.isInteger)) return undefined;
  return { pid, parentPid, name: line.slice(open + 1, close), cpuTicks: user + system };
}

/** The processes below `root` in `samples` (children, their children, ...), `root` left out. */
export function descendantsOf(root: number, samples: readonly ProcessSample[]): ProcessSample[] {
  const children = new Map<number, ProcessSample[]>();
  for (const sample of samples) {
    const siblings = children.get(sample.parentPid);
    if (siblings) siblings.push(sample);
    else children.set(sample.parentPid, [sample]);
  }
  const found: ProcessSample[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** Every process /proc shows now; none where there is no /proc. */
export function sampleProcesses(): ProcessSample[] {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const samples: ProcessSample[] = [];
  for (const pid of pids) {
    try {
      const sample = parseProcStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
      if (sample) samples.push(sample);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return samples;
}

/** The resident set of a running process, from `/proc/<pid>/status`; 0 once it has ended. */
export function residentBytes(pid: number): number {
  try {
    const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kilobytes === undefined ? 0 : Number(kilobytes) * 1024;
  } catch {
    return 0;
  }
}

export interface BuildProcesses {
  /** CPU time of the processes whose name matched, in ms. */
  cpuMs: number;
  /** The largest total resident set of the processes below `root` at one look, in bytes. */
  peakBytes: number;
  /** The largest resident set any one of them had at a look, in bytes. */
  largestBytes: number;
}

/**
 * Looks at the processes below `root` every `everyMs` while they run: keeps
 * the last CPU time seen of each whose name matches `name`, the largest
 * total memory of all of them at one look, and the most any one of them held.
 * What happens between looks (at most `everyMs`) is missed.
 */
export function watchProcesses(root: number, name: RegExp, everyMs = 100): { stop(): BuildProcesses } {
  const lastTicks = new Map<number, number>();
  let peakBytes = 0;
  let largestBytes = 0;
  const look = () => {
    let bytes = 0;
    for (const sample of descendantsOf(root, sampleProcesses())) {
      if (name.test(sample.name)) lastTicks.set(sample.pid, sample.cpuTicks);
      const resident = residentBytes(sample.pid);
      bytes += resident;
      largestBytes = Math.max(largestBytes, resident);
    }
    peakBytes = Math.max(peakBytes, bytes);
  };
  const timer = setInterval(look, everyMs);
  return {
    stop() {
      clearInterval(timer);
      let ticks = 0;
      for (const value of lastTicks.values()) ticks += value;
      return { cpuMs: ticks * MS_PER_TICK, peakBytes, largestBytes };
    },
  };
}

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Node supports. */
const MS_PER_TICK = 10;
