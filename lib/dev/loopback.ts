// Eleventy's dev server listens on every network interface and has no host
// option (@11ty/eleventy-dev-server 2.x, `_serverListen`). A blog with drafts
// should not be served to the whole café Wi-Fi, so bind it to 127.0.0.1.
import type { Server } from "node:http";

interface DevServerPrototype {
  server: Server;
  _serverListen(port: number): void;
}

export const LOOPBACK_HOST = "127.0.0.1";

export async function bindDevServerToLoopback(): Promise<void> {
  const { default: EleventyDevServer } = (await import("@11ty/eleventy-dev-server")) as {
    default: { prototype: DevServerPrototype };
  };
  EleventyDevServer.prototype._serverListen = function (this: DevServerPrototype, port: number) {
    this.server.listen({ port, host: LOOPBACK_HOST });
  };
}
