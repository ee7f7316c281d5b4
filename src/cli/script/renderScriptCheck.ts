import type { ScriptIssue } from '../../robot/script/issues.js';
import type { ScriptFileReport } from './checkScriptFile.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function issueLine(file: string, severity: 'error' | 'warning', issue: ScriptIssue): string {
  const place = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
  const path = issue.path === '' ? '' : `${issue.path}: `;
  return `${place}: ${severity}: ${path}${issue.message} [${issue.code}]`;
}

/**
 * One line per issue, `file:line:column: error: path: message [CODE]`, then a summary line per
 * file: `ok`, `ok, N warnings` or `N errors, M warnings`.
 */
export function renderScriptCheck(reports: readonly ScriptFileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const issue of report.errors) lines.push(issueLine(report.file, 'error', issue));
    for (const issue of report.warnings) lines.push(issueLine(report.file, 'warning', issue));
    const warnings = report.warnings.length > 0 ? plural(report.warnings.length, 'warning') : '';
    const summary = report.ok
      ? ['ok', warnings].filter(Boolean).join(', ')
      : [plural(report.errors.length, 'error'), warnings].filter(Boolean).join(', ');
    lines.push(`${report.file}: ${summary}`);
  }
  return `${lines.join('\n')}\n`;
}
