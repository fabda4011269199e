// Loads the giscus thread under a post only when it is wanted, so a post page
// ships almost no script before the reader scrolls: with `loading: lazy` the
// widget module (giscus-widget.ts, its URL in `data-widget`) is imported when
// the thread comes near the viewport; with `loading: click` when the reader
// presses "Load comments", and nothing contacts GitHub before that.

type WidgetModule = { mountThread(thread: HTMLElement, loading: "lazy" | "eager"): void };

const loadWidget = (thread: HTMLElement) => import(thread.dataset.widget!) as Promise<WidgetModule>;

function whenNear(thread: HTMLElement, run: () => void): void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      run();
    },
    { rootMargin: "800px 0px" },
  );
  observer.observe(thread);
}

function setUp(thread: HTMLElement): void {
  if (thread.dataset.loading !== "click") {
    whenNear(thread, () => void loadWidget(thread).then((widget) => widget.mountThread(thread, "lazy")));
    return;
  }
  const consent = thread.querySelector<HTMLElement>("[data-giscus-consent]");
  const button = consent?.querySelector<HTMLButtonElement>("[data-giscus-load]");
  if (!consent || !button) return;
  consent.hidden = false;
  button.addEventListener(
    "click",
    async () => {
      button.disabled = true;
      const widget = await loadWidget(thread);
      consent.remove();
      widget.mountThread(thread, "eager");
      // The pressed button is gone; keep the keyboard user's place at the thread.
      thread.tabIndex = -1;
      thread.focus();
    },
    { once: true },
  );
}

for (const thread of document.querySelectorAll<HTMLElement>("[data-giscus]")) setUp(thread);
