// The giscus thread under a post, self-hosted: the `giscus` package defines the
// <giscus-widget> element, which puts giscus.app's iframe on the page. The page
// already holds a plain link to the discussion; this script adds the widget
// (at once for `loading: lazy`, on a button press for `loading: click`), keeps
// its theme in step with the reader's color scheme, and hides the link once
// giscus has shown it is there.
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

function setUp(thread: HTMLElement): void {
  const widgets: GiscusWidget[] = [];
  const fallback = thread.parentElement?.querySelector<HTMLElement>("[data-giscus-fallback]");

  // After its first render the widget sends a changed property to the iframe as
  // a `setConfig` message, so the theme switches without reloading the thread.
  darkScheme.addEventListener("change", () => {
    for (const widget of widgets) widget.theme = currentTheme();
  });

  window.addEventListener("message", (event: MessageEvent<unknown>) => {
    if (event.origin !== GISCUS_ORIGIN || !fallback) return;
    if (typeof event.data === "object" && event.data !== null && "giscus" in event.data) fallback.hidden = true;
  });

  if (thread.dataset.loading !== "click") {
    widgets.push(createWidget(thread, "lazy"));
    return;
  }
  const consent = thread.querySelector<HTMLElement>("[data-giscus-consent]");
  const button = consent?.querySelector<HTMLButtonElement>("[data-giscus-load]");
  if (!consent || !button) return;
  consent.hidden = false;
  button.addEventListener(
    "click",
    () => {
      consent.remove();
      widgets.push(createWidget(thread, "eager"));
      // The pressed button is gone; keep the keyboard user's place at the thread.
      thread.tabIndex = -1;
      thread.focus();
    },
    { once: true },
  );
}

for (const thread of document.querySelectorAll<HTMLElement>("[data-giscus]")) setUp(thread);
