// The migration report: what was exported, what was imported, and why any
// number differs. Printed by the importer and saved beside the site.
import type { ImportReport, Tally } from "./import.ts";

export const REPORT_FILE = "wordpress-import-report.md";

function row(label: string, tally: Tally): string {
  const status = tally.exported === tally.imported ? "equal" : "see below";
  return `| ${label} | ${tally.exported} | ${tally.imported} | ${status} |`;
}

/** Each line once, in first-seen order: a post may hold the same link many times. */
function unique(lines: readonly string[]): string[] {
  return [...new Set(lines)];
}

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ["", `## ${title}`, "", ...lines];
}

/** The report as Markdown. */
export function renderReport(report: ImportReport, written: number, copied: number): string {
  const tallies: Array<[string, Tally]> = [
    ["Posts", report.posts],
    ["Drafts (of the posts)", report.drafts],
    ["Scheduled (of the posts)", report.scheduled],
    ["Pages", report.pages],
    ["Comments", report.comments],
    ["Attachments", report.attachments],
    ["Redirects (old addresses kept as aliases)", report.redirects],
  ];
  const differences = tallies.flatMap(([label, tally]) => tally.notes.map((note) => `- ${label}: ${note}`));
  const shortcodes = [...report.unknownShortcodes]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, files]) => `- \`[${name}]\` in ${[...files].sort().join(", ")}`);
  return [
    `# WordPress import report`,
    "",
    `Source: ${report.source} (${report.siteTitle || "untitled site"}). Files written: ${written}; uploads copied: ${copied}.`,
    "",
    "| | Exported | Imported | |",
    "| --- | ---: | ---: | --- |",
    ...tallies.map(([label, tally]) => row(label, tally)),
    ...section("Differences explained", differences),
    ...section(
      "Unknown shortcodes (left in the text as written: replace them by hand)",
      shortcodes,
    ),
    ...section(
      "Links to the old site, rewritten",
      unique(report.rewrittenLinks.map((link) => `- ${link.file}: ${link.from} → ${link.to}`)),
    ),
    ...section(
      "Links to the old site with nothing here to point to (left pointing to the old site)",
      unique(report.unresolvedLinks.map((link) => `- ${link.file}: ${link.url}`)),
    ),
    ...section(
      "Uploads left at their old absolute URLs (give --uploads with the wp-content/uploads folder to copy them)",
      unique(report.absoluteUploads.map((upload) => `- ${upload.file}: ${upload.url}`)),
    ),
    ...section("Existing files left as they were (use --force to overwrite)", report.skipped.map((file) => `- ${file}`)),
    ...section("Warnings", report.warnings.map((warning) => `- ${warning}`)),
    "",
  ].join("\n");
}
