// Absolute URLs for meta tags, feeds and JSON-LD, and plain share links that
// need no third-party script.

/** `path` made absolute against the site's base URL (which has no trailing slash). */
export function absoluteUrl(path: string, base: string): string {
  return new URL(path, `${base}/`).toString();
}

export interface ShareLink {
  /** Which network; also the CSS modifier. */
  id: "email" | "linkedin" | "x";
  label: string;
  href: string;
}

/** Share links for a page: email, LinkedIn and X, each a plain URL. */
export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { id: "email", label: "Email", href: `mailto:?subject=${t}&body=${u}` },
    { id: "linkedin", label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { id: "x", label: "X", href: `https://x.com/intent/post?text=${t}&url=${u}` },
  ];
}
