import { checkGradingExpression } from '../../robot/grading/gradingExpression.js';
import type { ScriptIssue } from '../../robot/script/issues.js';
import { lintScript } from '../../robot/script/lintScript.js';
import { locateIssuesInText } from '../../robot/script/locateIssues.js';
import { parseScript } from '../../robot/script/parseScript.js';

/** What `outdial script check` found in one file. */
export interface ScriptFileReport {
  file: string;
  ok: boolean;
  errors: ScriptIssue[];
  warnings: ScriptIssue[];
}

/** Parses, validates (grading expressions included) and lints one script's text. */
export function checkScriptFile(file: string, text: string): ScriptFileReport {
  const result = parseScript(text, {
    fileName: file,
    checkExpression: checkGradingExpression,
  });
  if (!result.ok) return { file, ok: false, errors: result.errors, warnings: result.warnings };
  const warnings = locateIssuesInText(text, [...result.warnings, ...lintScript(result.script)]);
  return { file, ok: true, errors: [], warnings };
}
