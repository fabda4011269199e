// Module resolve hook for the dev server (see module-reload.ts): appends the
// current reload generation to the URL of every project module (not packages).

interface HookData {
  generation: Int32Array;
  projectUrl: string;
}

interface ResolveResult {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}

type NextResolve = (specifier: string, context: { parentURL?: string }) => Promise<ResolveResult>;

let data: HookData | undefined;

export function initialize(hookData: HookData): void {
  data = hookData;
}

export async function resolve(
  specifier: string,
  context: { parentURL?: string },
  nextResolve: NextResolve,
): Promise<ResolveResult> {
  const result = await nextResolve(specifier, context);
  if (!data || !result.url.startsWith(data.projectUrl) || result.url.includes("/node_modules/")) return result;
  const generation = Atomics.load(data.generation, 0);
  if (generation === 0) return result;
  const url = new URL(result.url);
  url.searchParams.set("reload", String(generation));
  return { ...result, url: url.href };
}
