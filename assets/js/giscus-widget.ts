// The giscus thread under a post, self-hosted: the `giscus` package defines the
// <giscus-widget> element, which puts giscus.app's iframe on the page. This
// module is the heavy part (the widget and its Lit runtime); comments.ts loads
// it only when a reader nears the thread or asks for it. It adds the widget,
// keeps its theme in step with the reader's color scheme, and hides the plain
// link to the discussion once giscus has shown it is there.
import "giscus";
import type { GiscusWidget } from "giscus";

const GISCUS_ORIGIN = "https://giscus.app";
const darkScheme = window.matchMedia("(prefers-color-scheme: dark)");
const currentTheme = () => (darkScheme.matches ? "dark" : "light");

function createWidget(thread: HTMLElement, loading: "lazy" | "eager"): GiscusWidget {
  const data = thread.dataset;
  const widget = document.createElement("giscus-widget");
  widget.repo = data.repo as GiscusWidget["repo"];
  widget.repoId = data.repoId;
  widget.category = data.category;
  widget.categoryId = data.categoryId;
  // `specific` + `strict`: the thread is found by the exact term (slug or pinned
  // `discussion`), so a renamed title or a similar path never shares or loses it.
  widget.mapping = "specific";
  widget.term = data.term;
  widget.strict = "1";
  widget.reactionsEnabled = data.reactions === "0" ? "0" : "1";
  widget.emitMetadata = "0";
  widget.inputPosition = data.inputPosition === "top" ? "top" : "bottom";
  widget.lang = (data.lang ?? "en") as GiscusWidget["lang"];
  widget.loading = loading;
  widget.theme = currentTheme();
  thread.append(widget);
  return widget;
}

/** Puts the widget into `thread`; `eager` when the reader has just asked for it. */
export function mountThread(thread: HTMLElement, loading: "lazy" | "eager"): void {
  const fallback = thread.parentElement?.querySelector<HTMLElement>("[data-giscus-fallback]");
  const widget = createWidget(thread, loading);

  // giscus takes a new theme as a `setConfig` message to its iframe, so the
  // thread switches without reloading. The widget posts one too when its
  // property changes, but only after Lit's next update; posting directly makes
  // the switch immediate (a repeated setConfig is harmless).
  darkScheme.addEventListener("change", () => {
    const theme = currentTheme();
    widget.theme = theme;
    const frame = widget.shadowRoot?.querySelector("iframe");
    frame?.contentWindow?.postMessage({ giscus: { setConfig: { theme } } }, GISCUS_ORIGIN);
  });

  window.addEventListener("message", (event: MessageEvent<unknown>) => {
    if (event.origin !== GISCUS_ORIGIN || !fallback) return;
    if (typeof event.data === "object" && event.data !== null && "giscus" in event.data) fallback.hidden = true;
  });
}
