// A static file server for built sites on 127.0.0.1, serving like a CDN:
// index.html for folders, 404.html for unknown paths, gzip when asked, and
// optional response headers per path (tests of netlify.toml pass them in).
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createGzip } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".pdf": "application/pdf",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

export interface StaticServerOptions {
  /** Extra headers for a request path. */
  headersFor?: (urlPath: string) => Record<string, string>;
  compress?: boolean;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

function resolveFile(root: string, urlPath: string): { file: string; status: number } {
  const decoded = decodeURIComponent(urlPath);
  const candidate = path.join(root, path.normalize(decoded).replace(/^(\.\.[/\\])+/, ""));
  if (candidate.startsWith(root)) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return { file: candidate, status: 200 };
    const index = path.join(candidate, "index.html");
    if (existsSync(index)) return { file: index, status: 200 };
  }
  return { file: path.join(root, "404.html"), status: 404 };
}

export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const absoluteRoot = path.resolve(root);
  const server: Server = createServer((request, response) => {
    const urlPath = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const { file, status } = resolveFile(absoluteRoot, urlPath);
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    const headers: Record<string, string> = { "content-type": type, ...options.headersFor?.(urlPath) };
    const gzip = options.compress && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"]));
    if (gzip) headers["content-encoding"] = "gzip";
    response.writeHead(status, headers);
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    const stream = createReadStream(file);
    if (gzip) stream.pipe(createGzip()).pipe(response);
    else stream.pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
