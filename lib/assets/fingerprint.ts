// Content-hashed asset names, so browsers and the CDN may cache CSS and JS
// forever and a changed file always gets a new URL.
import { createHash } from "node:crypto";

export function contentHash(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 10);
}

/** `css/site.css` + hash → `/assets/css/site.<hash>.css`. */
export function fingerprintedUrl(name: string, hash: string, extension: string): string {
  const base = name.replace(/\.[^./]+$/, "");
  return `/assets/${base}.${hash}.${extension}`;
}
