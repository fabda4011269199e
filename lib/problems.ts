// One shape for every content problem, so the build, the dev server and
// `npm run check` all print the same `file:line: message` lines.

/** A problem found in one input file. */
export interface Problem {
  /** Path relative to the project root, with forward slashes: `posts/2024/foo.md`. */
  file: string;
  /** 1-based line in that file; 0 when the problem concerns the file as a whole. */
  line: number;
  /** What is wrong and how to fix it. */
  message: string;
}

export function formatProblem(problem: Problem): string {
  return problem.line > 0
    ? `${problem.file}:${problem.line}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message),
  );
}

/** Thrown when content is invalid; carries every problem found in one run. */
export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    const noun = sorted.length === 1 ? "problem" : "problems";
    super(
      `Found ${sorted.length} content ${noun}:\n` +
        sorted.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ContentError";
    this.problems = sorted;
  }
}

/** Levenshtein distance, used to suggest the key an author probably meant. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(
        above + 1,
        previous[j - 1]! + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The known key closest to `key`, if it is close enough to be a typo. */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}
