// Phase timings of a build, for the benchmark. Any part of the build marks a
// phase with Node's own `performance.measure("blog:<phase>", ...)`; nothing is
// shared but that naming convention, so a plugin needs no import to be counted.

/** Prefix of the line `BLOG_TIMINGS=1` builds print; JSON follows it. */
export const TIMINGS_PREFIX = "BLOG_TIMINGS ";
export const PHASE_PREFIX = "blog:";

export interface BuildTimings {
  /** Milliseconds from `started` until now. */
  totalMs: number;
  /** Milliseconds per phase; a phase measured several times is summed. */
  phases: Record<string, number>;
}

export function buildTimings(started: number): BuildTimings {
  const phases: Record<string, number> = {};
  for (const entry of performance.getEntriesByType("measure")) {
    if (!entry.name.startsWith(PHASE_PREFIX)) continue;
    const name = entry.name.slice(PHASE_PREFIX.length);
    phases[name] = (phases[name] ?? 0) + entry.duration;
  }
  return { totalMs: performance.now() - started, phases };
}

/** Records the phase `name` as running from `start` (a `performance.now()` reading) until now. */
export function endPhase(name: string, start: number): void {
  performance.measure(`${PHASE_PREFIX}${name}`, { start, end: performance.now() });
}
