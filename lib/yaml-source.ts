// YAML parsed with its source positions, so every validation message can name
// the line an author has to fix. The YAML 1.2 core schema keeps dates and
// yes/no as the strings the author typed; the schemas decide what they mean.
import { parse as parseJsonc, printParseErrorCode, type ParseError } from "jsonc-parser";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";

import type { Problem } from "./problems.ts";

export type YamlPath = ReadonlyArray<string | number>;

export interface YamlSource {
  /** The plain JavaScript value of the document (undefined when it is empty). */
  value: unknown;
  /** Syntax problems, with lines in the enclosing file. */
  problems: Problem[];
  /** The line (in the enclosing file) of the value at `path`, or of its closest existing parent. */
  lineOf(path: YamlPath): number;
  /** The line of the key at `path` (for messages about the key itself). */
  keyLineOf(path: YamlPath): number;
  /** The source text of a scalar, exactly as written (without quotes). */
  rawScalar(path: YamlPath): string | undefined;
}

/**
 * Parses `text` that starts at line `firstLine` of `file`.
 * Tabs are rejected outright: YAML forbids them in indentation and a tab that
 * looks like indentation is the commonest front matter mistake.
 */
export function parseYamlSource(text: string, file: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, {
    lineCounter,
    schema: "core",
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const problems: Problem[] = [];

  text.split("\n").forEach((lineText, index) => {
    if (lineText.includes("\t")) {
      problems.push({
        file,
        line: index + firstLine,
        message: "a tab character in the YAML: indent and separate with spaces only",
      });
    }
  });
  if (problems.length === 0) {
    for (const error of doc.errors) {
      problems.push({
        file,
        line: toFileLine(error.pos[0]),
        message: `YAML syntax error: ${firstSentence(error.message)}`,
      });
    }
  }

  const nodeAt = (path: YamlPath): { node: Node | undefined; keyNode: Node | undefined } => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === step);
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof step === "number" && node.items[step]) {
        keyNode = undefined;
        node = node.items[step];
      } else {
        break;
      }
    }
    return { node: node as Node | undefined, keyNode };
  };

  return {
    value: problems.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 }),
    problems,
    lineOf(path) {
      const { node } = nodeAt(path);
      return node?.range ? toFileLine(node.range[0]) : firstLine;
    },
    keyLineOf(path) {
      const { node, keyNode } = nodeAt(path);
      const target = keyNode ?? node;
      return target?.range ? toFileLine(target.range[0]) : firstLine;
    },
    rawScalar(path) {
      const { node } = nodeAt(path);
      return isScalar(node) && node.range ? String(node.source ?? node.value) : undefined;
    },
  };
}

function firstSentence(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/** The value at `path` inside a parsed value, or undefined. */
export function valueAt(value: unknown, path: YamlPath): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/**
 * JSON with source positions. JSON is strict where YAML forgives (a missing
 * value, a trailing comma, a comment), so its syntax is checked by a JSON
 * parser that reports offsets; the positions of values then come from the
 * YAML parser, which reads any JSON.
 */
export function parseJsonSource(text: string, file: string): YamlSource {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;
    const problems = errors.map((error) => ({
      file,
      line: lineAt(error.offset),
      message: `JSON syntax error: ${printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}`,
    }));
    const line = problems[0]!.line;
    return { value: undefined, problems, lineOf: () => line, keyLineOf: () => line, rawScalar: () => undefined };
  }
  return parseYamlSource(text, file);
}
