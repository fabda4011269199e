// Eleventy 3 keeps imported modules for the life of the dev server. It busts
// the import cache only for the files it sees change and those it knows
// depend on them, and it cannot see the imports of a TypeScript
// configuration, so an edited lib/*.ts module was never reloaded
// (`.eleventy.ts` marks lib/ as a config-reset watch target, but the reset
// re-imported the cached configuration). On every change under lib/ we
// (1) raise a generation number that a resolve hook appends to the URL of
// every project module, so the configuration's whole import graph loads
// afresh, and (2) tell Eleventy's import cache that the configuration file
// changed, so its reset imports the configuration again.
import { watch } from "node:fs";
import { register } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface EventBus {
  emit(event: "eleventy.importCacheReset", paths: Set<string>): unknown;
}

/**
 * Eleventy's internal event bus (src/EventBus.js in @11ty/eleventy 3.1), which
 * its import cache listens to. Not an exported API: imported by file URL,
 * which is the same module instance Eleventy itself uses.
 */
async function eleventyEventBus(): Promise<EventBus> {
  const eleventyMain = fileURLToPath(import.meta.resolve("@11ty/eleventy"));
  const module = (await import(pathToFileURL(path.join(path.dirname(eleventyMain), "EventBus.js")).href)) as { default: EventBus };
  return module.default;
}

/** Watches `root/lib` and registers the hook; returns a function that stops watching. */
export async function enableModuleReload(root = process.cwd(), configFile = ".eleventy.ts"): Promise<() => void> {
  const libDir = path.join(root, "lib");
  const configPath = path.join(root, configFile);
  const generation = new Int32Array(new SharedArrayBuffer(4));
  register(new URL("./module-reload-hooks.ts", import.meta.url), {
    data: { generation, projectUrl: pathToFileURL(root).href + "/" },
  });
  const bus = await eleventyEventBus();
  const watcher = watch(libDir, { recursive: true }, (_event, file) => {
    if (!file || !/\.(ts|js|mjs|json)$/.test(file)) return;
    Atomics.add(generation, 0, 1);
    bus.emit("eleventy.importCacheReset", new Set([configPath]));
  });
  return () => watcher.close();
}
