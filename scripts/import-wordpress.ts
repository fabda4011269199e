// `npm run import:wordpress -- export.xml [--uploads DIR] [--force] [--out DIR]`:
// turns a WordPress export into posts, pages, archived comments and uploads,
// then prints and saves a migration report. Everything is planned in memory
// first, so a broken export writes nothing; existing files are kept unless
// --force, and nothing is ever deleted.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";

import { existingPostSlugs } from "../lib/authoring/existing-slugs.ts";
import { readSiteSettings } from "../lib/authoring/site-settings.ts";
import { planImport } from "../lib/wordpress/import.ts";
import { renderReport, REPORT_FILE } from "../lib/wordpress/report.ts";
import { parseWxr } from "../lib/wordpress/wxr.ts";

const USAGE = "usage: npm run import:wordpress -- export.xml [--uploads path/to/wp-content/uploads] [--force] [--out DIR]";

/** Runs the import; paths are relative to `cwd`, which is also the default output folder; returns the exit code. */
export function main(argv: readonly string[], cwd = process.cwd()): number {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { uploads: { type: "string" }, force: { type: "boolean", default: false }, out: { type: "string" } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (args.positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const exportFile = path.resolve(cwd, args.positionals[0]!);
  const out = path.resolve(cwd, args.values.out ?? ".");
  const uploads = args.values.uploads === undefined ? undefined : path.resolve(cwd, args.values.uploads);

  try {
    if (uploads !== undefined && !(existsSync(uploads) && statSync(uploads).isDirectory())) {
      throw new Error(`--uploads ${uploads}: no such folder`);
    }
    const settings = readSiteSettings(out);
    const wxr = parseWxr(readFileSync(exportFile, "utf8"), path.relative(cwd, exportFile) || exportFile);
    const plan = planImport(wxr, path.basename(exportFile), {
      timeZone: settings.timezone,
      exists: (file) => existsSync(path.join(out, file)),
      existingSlugs: existingPostSlugs(out),
      ...(uploads !== undefined && { hasUpload: (relative: string) => isFile(path.join(uploads, relative)) }),
      force: args.values.force,
    });

    for (const { file, contents } of plan.writes) {
      const target = path.join(out, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, contents);
    }
    for (const { from, file } of plan.copies) {
      const target = path.join(out, file);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(uploads!, from), target);
    }
    const report = renderReport(plan.report, plan.writes.length, plan.copies.length);
    // The report describes this run, so it is replaced each time.
    writeFileSync(path.join(out, REPORT_FILE), report);
    console.log(report);
    console.log(`Report saved to ${path.relative(cwd, path.join(out, REPORT_FILE)) || REPORT_FILE}. Run npm run check next.`);
    return 0;
  } catch (error) {
    console.error(`import:wordpress: ${error instanceof Error ? error.message : String(error)}`);
    console.error("Nothing was written.");
    return 1;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = main(process.argv.slice(2));
}
