// Addresses on the old WordPress site: which URLs point at it, the path of
// each (the alias our redirects keep alive), and where uploads live.

/** A URL's path and query, the way an alias holds it: `/2019/05/old-post/`, `/?p=123`. */
export function pathOfUrl(url: string): string {
  const parsed = new URL(url, "https://old.invalid");
  const path = parsed.pathname.replace(/\/{2,}/g, "/");
  const query = [...parsed.searchParams].filter(([key]) => ["p", "page_id", "attachment_id", "cat", "tag"].includes(key));
  return `${path}${query.length ? `?${query.map(([k, v]) => `${k}=${v}`).join("&")}` : ""}`;
}

/** Key under which an old path is looked up: no trailing slash, decoded, lowercase. */
export function pathKey(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape is matched as written.
  }
  const [pathname, query] = decoded.split("?");
  const trimmed = pathname!.replace(/\/+$/, "") || "/";
  return `${trimmed.toLowerCase()}${query ? `?${query}` : ""}`;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase().replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

/** The old site: its hosts, and how a URL found in content relates to it. */
export class OldSite {
  readonly #hosts = new Set<string>();
  /** Upload folder URLs without protocol, like `example.com/wp-content/uploads/`. */
  readonly #uploadBases = new Set<string>();

  constructor(siteUrls: readonly string[]) {
    for (const url of siteUrls) {
      const host = hostOf(url);
      if (!host || host === "wordpress.com") continue;
      this.#hosts.add(host);
      this.#uploadBases.add(`${host}${new URL(url).pathname.replace(/\/$/, "")}/wp-content/uploads/`);
    }
  }

  /** Learns where uploads live from an attachment's URL and its path inside the uploads folder. */
  addUploadBase(attachmentUrl: string, relativePath: string): void {
    const bare = attachmentUrl.replace(/^https?:\/\//i, "").replace(/^www\./i, "");
    if (bare.endsWith(relativePath)) this.#uploadBases.add(bare.slice(0, bare.length - relativePath.length));
  }

  /** The path of `url` when it points at the old site (absolute on one of its hosts, or root-relative). */
  pathOf(url: string): string | undefined {
    if (url.startsWith("/") && !url.startsWith("//")) return pathOfUrl(url);
    const absolute = url.startsWith("//") ? `https:${url}` : url;
    if (!/^https?:\/\//i.test(absolute)) return undefined;
    const host = hostOf(absolute);
    return host && this.#hosts.has(host) ? pathOfUrl(absolute) : undefined;
  }

  /** The path inside the uploads folder that `url` points at, if it points into it. */
  uploadPathOf(url: string): string | undefined {
    const bare = url.replace(/^(?:https?:)?\/\//i, "").replace(/^www\./i, "").split(/[?#]/)[0]!;
    for (const base of this.#uploadBases) {
      if (bare.toLowerCase().startsWith(base.toLowerCase()) && bare.length > base.length) {
        const relative = bare.slice(base.length);
        try {
          return decodeURIComponent(relative);
        } catch {
          return relative;
        }
      }
    }
    return undefined;
  }
}

/** Where an attachment's file sits inside the uploads folder (`2019/05/photo.jpg`). */
export function attachmentRelativePath(attachmentUrl: string, attachedFile: string | undefined): string {
  if (attachedFile) return attachedFile.replace(/^\/+/, "");
  const path = new URL(attachmentUrl).pathname;
  const marker = path.indexOf("/wp-content/uploads/");
  const relative = marker === -1 ? path.replace(/^\/+/, "") : path.slice(marker + "/wp-content/uploads/".length);
  try {
    return decodeURIComponent(relative);
  } catch {
    return relative;
  }
}
