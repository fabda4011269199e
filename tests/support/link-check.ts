// A link checker for a built site folder: every internal link, image,
// stylesheet, script, form action and `#fragment` in every page must resolve
// to a file in the folder (a folder URL to its index.html) and, for a
// fragment, to an element with that id. External URLs are not fetched.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { parseHTML } from "linkedom";

export interface BrokenLink {
  /** Site URL of the page holding the reference. */
  page: string;
  /** The reference as written. */
  reference: string;
  /** The site path it resolved to. */
  target: string;
  reason: string;
}

export interface LinkCheckOptions {
  /** The site's public origin (`https://blog.example.com`): absolute URLs there are checked as internal. */
  siteUrl?: string;
}

export interface LinkCheckResult {
  pages: number;
  references: number;
  broken: BrokenLink[];
}

const INTERNAL_ORIGIN = "http://site.invalid";

/** Site URLs of every HTML file under `root`, in a stable order. */
export function htmlPages(root: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html")) {
        const url = "/" + path.relative(root, full).split(path.sep).join("/");
        pages.push(url.endsWith("/index.html") ? url.slice(0, -"index.html".length) : url);
      }
    }
  };
  walk(root);
  return pages.sort();
}

/** Every URL an element asks the browser to fetch or follow. */
function referencesIn(document: Document): string[] {
  const found: string[] = [];
  const take = (selector: string, attribute: string) => {
    for (const element of document.querySelectorAll(selector)) {
      const value = element.getAttribute(attribute);
      if (value !== null) found.push(value.trim());
    }
  };
  take("a[href], area[href], link[href]", "href");
  take("img[src], script[src], source[src], iframe[src], video[src], audio[src], track[src], embed[src]", "src");
  take("video[poster]", "poster");
  take("object[data]", "data");
  take("form[action]", "action");
  for (const element of document.querySelectorAll("img[srcset], source[srcset], link[imagesrcset]")) {
    const srcset = element.getAttribute("srcset") ?? element.getAttribute("imagesrcset") ?? "";
    for (const candidate of srcset.split(",")) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) found.push(url);
    }
  }
  take('meta[property="og:image"], meta[property="og:url"], meta[name="twitter:image"]', "content");
  return found;
}

/** What a `#fragment` may point at: ids, and the names of old-style anchors. */
function fragmentTargets(document: Document): Set<string> {
  const ids = new Set<string>();
  for (const element of document.querySelectorAll("[id]")) ids.add(element.getAttribute("id")!);
  for (const element of document.querySelectorAll("a[name]")) ids.add(element.getAttribute("name")!);
  return ids;
}

function fileFor(root: string, sitePath: string): string | undefined {
  const file = path.join(root, decodeURIComponent(sitePath));
  if (!file.startsWith(root)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = path.join(file, "index.html");
  return existsSync(index) ? index : undefined;
}

export function checkLinks(root: string, options: LinkCheckOptions = {}): LinkCheckResult {
  const absoluteRoot = path.resolve(root);
  const siteOrigin = options.siteUrl ? new URL(options.siteUrl).origin : undefined;
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsByFile.get(file);
    if (!ids) {
      ids = fragmentTargets(parseHTML(readFileSync(file, "utf8")).document as unknown as Document);
      idsByFile.set(file, ids);
    }
    return ids;
  };

  const pages = htmlPages(absoluteRoot);
  const broken: BrokenLink[] = [];
  let references = 0;
  for (const page of pages) {
    const file = fileFor(absoluteRoot, page)!;
    const document = parseHTML(readFileSync(file, "utf8")).document as unknown as Document;
    idsByFile.set(file, fragmentTargets(document));
    for (const reference of referencesIn(document)) {
      if (reference === "" || reference === "#") continue;
      let url: URL;
      try {
        url = new URL(reference, INTERNAL_ORIGIN + page);
      } catch {
        broken.push({ page, reference, target: reference, reason: "is not a valid URL" });
        continue;
      }
      const internal = url.origin === INTERNAL_ORIGIN || url.origin === siteOrigin;
      if (!internal) continue;
      references++;
      const target = url.pathname + url.hash;
      const targetFile = fileFor(absoluteRoot, url.pathname);
      if (!targetFile) {
        broken.push({ page, reference, target, reason: "no such file in the build" });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (!fragment || fragment === "top") continue;
      if (!targetFile.endsWith(".html")) continue;
      if (!idsOf(targetFile).has(fragment)) broken.push({ page, reference, target, reason: `no element with id "${fragment}"` });
    }
  }
  return { pages: pages.length, references, broken };
}

export function formatBrokenLink(link: BrokenLink): string {
  return `${link.page}: ${link.reference} → ${link.target}: ${link.reason}`;
}
