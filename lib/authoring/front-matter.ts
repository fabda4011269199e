// Writes front matter that our schema accepts, whatever the values hold: the
// `yaml` package quotes and escapes, so a title with a colon, a quote or a
// leading dash stays one string.
import { Document, isSeq } from "yaml";

/** Front matter values in the order they are written; undefined values and empty lists are left out. */
export type FrontMatterFields = Record<string, unknown>;

/** Lists written on one line, as in hand-written posts (`tags: [a, b]`). */
const FLOW_LISTS = new Set(["tags"]);

/** `---`, the fields as YAML, `---`, then the body. */
export function renderDocument(fields: FrontMatterFields, body: string): string {
  const defined = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
  const doc = new Document(defined);
  for (const key of FLOW_LISTS) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const text = body.trim();
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ""}`;
}
