// CPU time of processes a build starts and never waits for. /usr/bin/time
// counts a build's process and the children it waited for; our build stops
// Pagefind's process without waiting, so its CPU time (about a third of a
// 4,000-post build's) would be missing from the benchmark. On Linux the
// benchmark reads it from /proc while the build runs.
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

/**
 * Follows the processes below `root` whose name matches `name` while they
 * run, keeping the last CPU time seen of each; `stop()` returns their total.
 * A process's CPU time after the last look (at most `everyMs`) is missed.
 */
export function watchProcessCpu(root: number, name: RegExp, everyMs = 100): { stop(): number } {
  const lastTicks = new Map<number, number>();
  const look = () => {
    for (const sample of descendantsOf(root, sampleProcesses())) {
      if (name.test(sample.name)) lastTicks.set(sample.pid, sample.cpuTicks);
    }
  };
  const timer = setInterval(look, everyMs);
  return {
    stop() {
      clearInterval(timer);
      let ticks = 0;
      for (const value of lastTicks.values()) ticks += value;
      return ticks * MS_PER_TICK;
    },
  };
}

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Node supports. */
const MS_PER_TICK = 10;
