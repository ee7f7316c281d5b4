import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import { parsePath, type ScriptIssue } from './issues.js';
import { type SourceTree, sourceTree } from './readDocument.js';

function offsetOf(node: unknown): number | null {
  return isScalar(node) || isMap(node) || isSeq(node) ? (node.range?.[0] ?? null) : null;
}

/**
 * Where `path` is written: the key of the deepest map entry (or the list item) the path reaches.
 * A path into a missing field points at the object that lacks it.
 */
export function locatePath(tree: SourceTree, path: string): { line: number; column: number } | null {
  let node: unknown = tree.doc.contents;
  let offset = offsetOf(node);
  for (const segment of parsePath(path)) {
    if (isAlias(node)) node = node.resolve(tree.doc);
    let next: Node | null | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : p.key) === String(segment));
      if (pair === undefined) break;
      offset = offsetOf(pair.key) ?? offset;
      next = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment] as Node | undefined;
      if (next === undefined) break;
      offset = offsetOf(next) ?? offset;
    } else {
      break;
    }
    node = next;
  }
  if (offset === null) return null;
  const { line, col } = tree.lines.linePos(offset);
  return { line, column: col };
}

const byPlace = (a: ScriptIssue, b: ScriptIssue) =>
  (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) || (a.column ?? 0) - (b.column ?? 0);

/** The issues with `line`/`column` filled where the path can be found in the source, in source order. */
export function locateIssues(tree: SourceTree, issues: readonly ScriptIssue[]): ScriptIssue[] {
  return issues
    .map((issue) => {
      if (issue.line !== undefined) return issue;
      const at = locatePath(tree, issue.path);
      return at === null ? issue : { ...issue, ...at };
    })
    .sort(byPlace);
}

/** locateIssues for issues about a script given as JSON or YAML text (e.g. lintScript's). */
export function locateIssuesInText(text: string, issues: readonly ScriptIssue[]): ScriptIssue[] {
  const tree = issues.length === 0 ? null : sourceTree(text.replace(/^\uFEFF/, ''));
  return tree === null ? [...issues] : locateIssues(tree, issues);
}
