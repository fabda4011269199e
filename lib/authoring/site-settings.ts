// Site settings for the authoring commands, which need them before any build.
import { readFileSync } from "node:fs";
import path from "node:path";

import { SITE_FILE } from "../content/load.ts";
import { formatProblem } from "../problems.ts";
import { validateSiteSettings, type SiteSettings } from "../site/settings.ts";
import { parseYamlSource } from "../yaml-source.ts";

/** Reads and validates `_data/site.json`; throws one message listing every problem. */
export function readSiteSettings(root: string): SiteSettings {
  let text: string;
  try {
    text = readFileSync(path.join(root, SITE_FILE), "utf8");
  } catch {
    throw new Error(`${SITE_FILE}: not found in ${root}: run this command in the blog's folder`);
  }
  const { settings, problems } = validateSiteSettings(parseYamlSource(text.replace(/^\uFEFF/, ""), SITE_FILE), SITE_FILE);
  if (!settings) throw new Error(problems.map(formatProblem).join("\n") || `${SITE_FILE}: invalid site settings`);
  return settings;
}
