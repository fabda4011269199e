// Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went:
// self and inclusive time per function, so the benchmark can name our own
// hot spots (lib/) apart from Eleventy's and its libraries'.

/** The parts of a `.cpuprofile` file this reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  samples: number[];
  /** Microseconds before each sample. */
  timeDeltas: number[];
}

export interface FunctionTime {
  /** `name (file:line)`, with the file relative to `root`. */
  name: string;
  file: string;
  selfMs: number;
  /** Time with the function anywhere on the stack (counted once per sample under recursion). */
  totalMs: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: FunctionTime[];
}

export function summarizeProfile(profile: CpuProfile, root: string): ProfileSummary {
  const parent = new Map<number, number>();
  const keyOf = new Map<number, string>();
  const functions = new Map<string, FunctionTime>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\//, "").replace(`${root.replace(/\/$/, "")}/`, "");
    const name = `${functionName || "(anonymous)"} (${file || "native"}:${lineNumber + 1})`;
    keyOf.set(node.id, name);
    if (!functions.has(name)) functions.set(name, { name, file, selfMs: 0, totalMs: 0 });
  }

  let totalMs = 0;
  const seen = new Set<string>();
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    let id: number | undefined = profile.samples[i]!;
    functions.get(keyOf.get(id)!)!.selfMs += ms;
    seen.clear();
    for (; id !== undefined; id = parent.get(id)) {
      const key = keyOf.get(id)!;
      if (seen.has(key)) continue;
      seen.add(key);
      functions.get(key)!.totalMs += ms;
    }
  }
  return { totalMs, functions: [...functions.values()] };
}

/** Functions from our own code: `lib/**`, not dependencies. */
export function isOurs(fn: FunctionTime): boolean {
  return /(^|\/)lib\//.test(fn.file) && !fn.file.includes("node_modules");
}

export function topBy(functions: readonly FunctionTime[], key: "selfMs" | "totalMs", count: number): FunctionTime[] {
  return [...functions].sort((a, b) => b[key] - a[key]).slice(0, count);
}
