// Starts Pagefind's Component UI on /search/: loads it from the index bundle,
// runs the query from `?q=` (the header's search form), keeps `?q=` in step
// with what the reader types, adds "newest first" sorting and a "Show more
// results" button, and prepares Pagefind before and while the reader types.
// Without JavaScript the page's <noscript> points to the archive and tags.

/** Written by the build (lib/search/plugin.ts) with the index; not bundled by esbuild. */
const COMPONENT_UI_URL = "/pagefind/pagefind-component-ui.js";

/** The parts of a Component UI instance this page drives. */
interface PagefindInstance {
  searchTerm: string;
  searchSort: Record<string, "asc" | "desc">;
  triggerSearch(term: string): void;
  on(event: "search", callback: (term: string) => void): void;
  on(event: "results", callback: (result: { results: unknown[] }) => void): void;
  on(event: "error", callback: (error: { message?: string }) => void): void;
  triggerLoad(): Promise<void>;
  /**
   * The Pagefind API instance behind the Component UI, once loaded. Not part of
   * its documented surface (Pagefind 1.6), so every use is optional.
   */
  __pagefind__?: {
    preload?(term: string): Promise<void>;
    search?(term: string | null, options: { filters: Record<string, never> }): Promise<unknown>;
  };
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

/**
 * Shows the results `max-results` at a time: the button raises the limit by
 * that much and searches again (Pagefind keeps what it loaded, so only the
 * newly shown results fetch anything). A new search term starts over.
 */
function pageResults(root: HTMLElement, instance: PagefindInstance): void {
  const results = root.querySelector<HTMLElement>("pagefind-results");
  const more = root.querySelector<HTMLButtonElement>("[data-search-more]");
  if (!results || !more) return;
  const pageSize = Number(results.getAttribute("max-results")) || 20;
  let shown = pageSize;
  let term = "";
  const show = (count: number) => {
    shown = count;
    results.setAttribute("max-results", String(count));
  };
  instance.on("search", (searched) => {
    if (searched !== term) show(pageSize);
    term = searched;
  });
  instance.on("results", ({ results: found }) => {
    const hadFocus = document.activeElement === more;
    more.hidden = !term || found.length <= shown;
    // The last page has no button; keep the reader's place in the list.
    if (hadFocus && more.hidden) root.querySelector<HTMLElement>(".search-result:last-of-type a")?.focus();
  });
  more.addEventListener("click", () => {
    show(shown + pageSize);
    instance.triggerSearch(instance.searchTerm);
  });
}

/**
 * Shorter beginnings of a word mostly fall in other index chunks than the
 * word itself: fetching those would cost bytes and save no time.
 */
const PRELOAD_MIN_LENGTH = 3;

/**
 * The Component UI asks Pagefind for a word only after the input's debounce;
 * asking for its index chunk on each keystroke lets the download overlap that wait.
 */
function preloadWhileTyping(root: HTMLElement, instance: PagefindInstance): void {
  root.querySelector("pagefind-input input")?.addEventListener("input", (event) => {
    const term = (event.target as HTMLInputElement).value.trim();
    if (term.length >= PRELOAD_MIN_LENGTH) void instance.__pagefind__?.preload?.(term).catch(() => undefined);
  });
}

/**
 * Pagefind's first search on a page also sets up what it keeps for later ones
 * (about 180 ms of a 330 ms first query on the 4,000-post benchmark site). A
 * search for every page while the reader has not typed yet takes that out of
 * the first query.
 */
function warmUp(instance: PagefindInstance): void {
  const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 0));
  whenIdle(() => {
    instance
      .triggerLoad()
      .then(() => instance.__pagefind__?.search?.(null, { filters: {} }))
      .catch(() => undefined);
  });
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
  pageResults(root, instance);
  preloadWhileTyping(root, instance);
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
    warmUp(instance);
  }
}

const root = document.querySelector<HTMLElement>("[data-search]");
if (root) void start(root);
