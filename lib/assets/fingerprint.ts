// Content-hashed asset names, so browsers and the CDN may cache CSS and JS
// forever and a changed file always gets a new URL.
import { createHash } from "node:crypto";

/**
 * Folder of every fingerprinted file and of nothing else: netlify.toml marks
 * all of it immutable with one path rule, which would be wrong for a file
 * whose name does not change with its content.
 */
export const FINGERPRINTED_DIR = "/assets/build/";

export function contentHash(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 10);
}

/** `css/site.css` + hash → `/assets/build/css/site.<hash>.css`. */
export function fingerprintedUrl(name: string, hash: string, extension: string): string {
  const base = name.replace(/\.[^./]+$/, "");
  return `${FINGERPRINTED_DIR}${base}.${hash}.${extension}`;
}
