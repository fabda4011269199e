// Enhancements for post and tweet pages: "Copy link" and "Print" buttons.
// They stay hidden without JavaScript, where they could not work.

for (const button of document.querySelectorAll<HTMLButtonElement>("[data-copy-link]")) {
  const status = button.closest(".share")?.querySelector<HTMLElement>("[data-copy-status]");
  button.hidden = !navigator.clipboard;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copyLink ?? location.href);
      if (status) status.textContent = "Link copied.";
    } catch {
      if (status) status.textContent = "Could not copy; copy the address from the address bar.";
    }
  });
}

for (const button of document.querySelectorAll<HTMLButtonElement>("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
