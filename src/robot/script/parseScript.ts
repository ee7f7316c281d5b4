import { checkExpressions, type ExpressionChecker } from './checkExpressions.js';
import { checkIntents } from './checkIntents.js';
import { checkReachability } from './checkReachability.js';
import { checkReferences } from './checkReferences.js';
import { checkVariables } from './checkVariables.js';
import type { ScriptIssue } from './issues.js';
import { locateIssues } from './locateIssues.js';
import { type Script, ScriptSchema } from './model.js';
import { readDocument, sourceTree } from './readDocument.js';
import { fromZodIssues } from './zodIssues.js';

export type ParseResult =
  | { ok: true; script: Script; warnings: ScriptIssue[] }
  | { ok: false; errors: ScriptIssue[]; warnings: ScriptIssue[] };

export interface ValidateOptions {
  /** Checks a grading expression; returns an error message or null. Without it expressions are not checked. */
  checkExpression?: ExpressionChecker;
}

export interface ParseOptions extends ValidateOptions {
  /** Picks JSON or YAML by extension (`.json`, `.yaml`, `.yml`); otherwise a text starting with `{` is JSON. */
  fileName?: string;
}

/**
 * Checks an already-parsed script object: the schema first (defaults filled in), then the
 * cross-references between its parts. Warnings never make it fail.
 */
export function validateScript(input: unknown, opts: ValidateOptions = {}): ParseResult {
  const parsed = ScriptSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, errors: fromZodIssues(parsed.error.issues, ScriptSchema, input), warnings: [] };
  const script = parsed.data;
  const reach = checkReachability(script);
  const errors = [
    ...checkReferences(script),
    ...checkIntents(script),
    ...checkVariables(script),
    ...reach.errors,
    ...(opts.checkExpression ? checkExpressions(script, opts.checkExpression) : []),
  ];
  return errors.length > 0
    ? { ok: false, errors, warnings: reach.warnings }
    : { ok: true, script, warnings: reach.warnings };
}

/** Parses a script written as JSON or YAML and validates it; issues carry the line they point at. */
export function parseScript(text: string, opts: ParseOptions = {}): ParseResult {
  const read = readDocument(text, opts.fileName);
  if (!read.ok) return { ok: false, errors: [read.issue], warnings: [] };
  const result = validateScript(read.value, opts);
  const noIssues = result.warnings.length === 0 && (result.ok || result.errors.length === 0);
  const tree = noIssues ? null : (read.tree ?? sourceTree(read.text));
  if (tree === null) return result;
  const warnings = locateIssues(tree, result.warnings);
  return result.ok ? { ...result, warnings } : { ok: false, errors: locateIssues(tree, result.errors), warnings };
}
