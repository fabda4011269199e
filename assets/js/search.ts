// Starts Pagefind's Component UI on /search/: loads it from the index bundle,
// runs the query from `?q=` (the header's search form), keeps `?q=` in step
// with what the reader types, and adds "newest first" sorting. Without
// JavaScript the page's <noscript> points to the archive and tags instead.

/** Written by the build (lib/search/plugin.ts) with the index; not bundled by esbuild. */
const COMPONENT_UI_URL = "/pagefind/pagefind-component-ui.js";

/** The parts of a Component UI instance this page drives. */
interface PagefindInstance {
  searchTerm: string;
  searchSort: Record<string, "asc" | "desc">;
  triggerSearch(term: string): void;
  on(event: "search", callback: (term: string) => void): void;
  on(event: "error", callback: (error: { message?: string }) => void): void;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name?: string): PagefindInstance };
}

declare global {
  interface Window {
    PagefindComponents?: PagefindComponents;
  }
}

/** `"date:desc"` → `{ date: "desc" }`; empty means Pagefind's relevance order. */
function parseSort(value: string): PagefindInstance["searchSort"] {
  const [key, direction] = value.split(":");
  if (!key) return {};
  return { [key]: direction === "asc" ? "asc" : "desc" };
}

function showFailure(root: HTMLElement): void {
  root.hidden = true;
  const notice = document.querySelector<HTMLElement>("[data-search-failed]");
  if (notice) notice.hidden = false;
}

function rememberQuery(term: string): void {
  const url = new URL(location.href);
  if (term) url.searchParams.set("q", term);
  else url.searchParams.delete("q");
  history.replaceState(history.state, "", url);
}

/**
 * Pagefind 1.6 renders each filter dropdown's trigger as a button with role
 * "combobox", whose visible text does not name it for assistive technology
 * (a combobox takes no name from its content): name it by its label.
 */
function nameFilterTriggers(root: HTMLElement): void {
  const label = () => {
    for (const trigger of root.querySelectorAll<HTMLElement>(".pf-dropdown-trigger:not([aria-label])")) {
      const text = trigger.querySelector(".pf-dropdown-trigger-label")?.textContent?.trim();
      if (text) trigger.setAttribute("aria-label", `Filter by ${text.toLowerCase()}`);
    }
  };
  label();
  new MutationObserver(label).observe(root, { childList: true, subtree: true });
}

async function start(root: HTMLElement): Promise<void> {
  try {
    await import(COMPONENT_UI_URL);
  } catch {
    showFailure(root);
    return;
  }
  const components = window.PagefindComponents;
  if (!components) {
    showFailure(root);
    return;
  }
  const instance = components.getInstanceManager().getInstance("default");
  instance.on("error", () => showFailure(root));
  instance.on("search", rememberQuery);
  nameFilterTriggers(root);
  root.hidden = false;

  const sort = root.querySelector<HTMLSelectElement>("[data-search-sort]");
  sort?.addEventListener("change", () => {
    instance.searchSort = parseSort(sort.value);
    if (instance.searchTerm) instance.triggerSearch(instance.searchTerm);
  });

  const input = root.querySelector<HTMLInputElement>("pagefind-input input");
  const query = new URLSearchParams(location.search).get("q")?.trim();
  if (query && input) {
    input.value = query;
    // Through the input's own handler, so its clear button and state follow.
    input.dispatchEvent(new Event("input", { bubbles: true }));
  } else {
    input?.focus();
  }
}

const root = document.querySelector<HTMLElement>("[data-search]");
if (root) void start(root);
