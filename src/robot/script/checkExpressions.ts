import { type ScriptIssue, scriptIssue } from './issues.js';
import type { Script } from './model.js';

/**
 * Checks one grading expression: an error message, or null when it compiles. The script is
 * given so a checker can verify the node ids, intents and tags the expression names.
 */
export type ExpressionChecker = (expression: string, script: Script) => string | null;

/** Every grading `when` through `check`, as BAD_EXPRESSION at its path. */
export function checkExpressions(script: Script, check: ExpressionChecker): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  const rules = [
    ...(script.grading.levels ?? []).map((rule, i) => ({ path: `grading.levels[${i}].when`, when: rule.when })),
    ...script.grading.tags.map((rule, i) => ({ path: `grading.tags[${i}].when`, when: rule.when })),
  ];
  for (const { path, when } of rules) {
    const problem = check(when, script);
    if (problem !== null) issues.push(scriptIssue(path, 'BAD_EXPRESSION', problem));
  }
  return issues;
}
