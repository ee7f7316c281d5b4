import { type Document, LineCounter, parseDocument } from 'yaml';
import type { ScriptIssue } from './issues.js';

export type SourceFormat = 'json' | 'yaml';

/** The parsed text, with the YAML tree kept for pointing issues at lines. */
export type ReadResult =
  | { ok: true; value: unknown; format: SourceFormat; text: string; tree: SourceTree | null }
  | { ok: false; issue: ScriptIssue; format: SourceFormat };

export interface SourceTree {
  doc: Document.Parsed;
  lines: LineCounter;
}

/** By extension (.json / .yaml / .yml); else JSON when the text starts with `{`. */
export function detectFormat(text: string, fileName?: string): SourceFormat {
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function syntaxIssue(reason: string, line: number, column: number): ScriptIssue {
  return { path: '', code: 'SYNTAX', message: `${reason} at line ${line}:${column}`, line, column };
}

type YamlFailure = { reason: string; line: number; column: number };

function readYamlTree(text: string): SourceTree | YamlFailure {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error === undefined) return { doc, lines };
  const { line, col } = lines.linePos(error.pos[0]);
  return { reason: error.message.split('\n')[0] ?? error.code, line, column: col };
}

/** Line and column of a JSON.parse failure: Node 20 gives a position, later versions a line and column. */
function jsonErrorPlace(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  const offset = pos ? Number(pos[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * The YAML tree of a text, for finding where a path is written; JSON is YAML 1.2 flow syntax,
 * so this also serves JSON files. Null when the text does not parse as YAML.
 */
export function sourceTree(text: string): SourceTree | null {
  const tree = readYamlTree(text);
  return 'reason' in tree ? null : tree;
}

/** Parses JSON or YAML text; a syntax error becomes a `SYNTAX` issue naming line:column. */
export function readDocument(source: string, fileName?: string): ReadResult {
  const text = source.replace(/^\uFEFF/, '');
  const format = detectFormat(text, fileName);
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const { line, column } = jsonErrorPlace(text, message);
      const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)$/, '');
      return { ok: false, format, issue: syntaxIssue(`invalid JSON: ${reason}`, line, column) };
    }
    return { ok: true, value, format, text, tree: null };
  }
  const tree = readYamlTree(text);
  if ('reason' in tree)
    return { ok: false, format, issue: syntaxIssue(`invalid YAML: ${tree.reason}`, tree.line, tree.column) };
  try {
    return { ok: true, value: tree.doc.toJS(), format, text, tree };
  } catch (error) {
    // Too many aliases (a "billion laughs" document) fail only when the tree is expanded.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, format, issue: syntaxIssue(`invalid YAML: ${reason}`, 1, 1) };
  }
}
