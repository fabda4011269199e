// `npm start`: the dev server on http://localhost:8080 with live reload. It
// shows drafts and scheduled posts (with badges), builds into _site.dev/ so a
// production _site/ is never mixed with drafts, listens on 127.0.0.1 only,
// and reloads edited lib/*.ts modules without a restart.
import Eleventy from "@11ty/eleventy";

import { bindDevServerToLoopback } from "../lib/dev/loopback.ts";
import { enableModuleReload } from "../lib/dev/module-reload.ts";

const port = Number(process.env.PORT ?? 8080);
process.env.BLOG_MODE ??= "development";

await enableModuleReload();
await bindDevServerToLoopback();

const eleventy = new Eleventy(".", process.env.BLOG_DEV_OUTPUT ?? "_site.dev", {
  source: "cli",
  runMode: "serve",
  configPath: ".eleventy.ts",
});
await eleventy.init();
eleventy.setIncrementalBuild(true);
await eleventy.watch();
eleventy.serve(port);

process.on("SIGINT", async () => {
  await eleventy.stopWatch();
  process.exit(0);
});
