// `npm run new -- "Title"`: starts a draft post dated today in the site's time
// zone, and says where it is and where to preview it.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { existingPostSlugs } from "../lib/authoring/existing-slugs.ts";
import { planNewPost } from "../lib/authoring/new-post.ts";
import { readSiteSettings } from "../lib/authoring/site-settings.ts";

export const LOCAL_SERVER = "http://localhost:8080";

/** Creates the post under `root`; returns the exit code. */
export function main(argv: readonly string[], root = process.cwd(), now = new Date()): number {
  const title = argv.join(" ");
  try {
    const settings = readSiteSettings(root);
    const plan = planNewPost(title, now, settings.timezone);
    const target = path.join(root, plan.file);
    if (existsSync(target)) {
      throw new Error(`${plan.file} already exists: open it, or choose another title`);
    }
    const clash = existingPostSlugs(root).get(plan.slug);
    if (clash) {
      throw new Error(`${clash} already publishes at ${plan.url}: choose another title, or set slug: in the new post`);
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, plan.contents, { flag: "wx" });
    console.log(`Created ${plan.file}`);
    console.log(`Preview at ${LOCAL_SERVER}${plan.url} (npm start); it is a draft until you remove draft: true.`);
    return 0;
  } catch (error) {
    console.error(`npm run new: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = main(process.argv.slice(2));
}
