import { parseScript } from '../../robot/index.js';
import type { Script, Variable } from '../../robot/script/model.js';
import { checkScriptFile } from '../script/checkScriptFile.js';
import { renderScriptCheck } from '../script/renderScriptCheck.js';
import { missingVariables } from './missingVariables.js';

interface LoadIo {
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  json: boolean;
}

export type LoadedChatScript = { ok: true; script: Script } | { ok: false; exitCode: 1 | 2 };

function missingMessage(file: string, missing: readonly Variable[]): string {
  const names = missing.map((v) => v.name);
  const width = Math.max(...names.map((n) => n.length));
  return [
    `outdial chat: the script needs ${names.length === 1 ? 'a variable' : 'variables'} with no fallback: ${names.join(', ')}`,
    ...missing.map((v) => `  ${v.name.padEnd(width)}  ${v.description || '(no description)'}`),
    'Give each with --var, e.g.:',
    `  outdial chat ${file} ${names.map((n) => `--var ${n}=…`).join(' ')}`,
    '',
  ].join('\n');
}

/**
 * Reads and checks the script as `outdial script check` does (its errors and warnings printed the same way,
 * or as one JSON `check` line), then checks that every variable without a fallback is given. Exit code 1:
 * unreadable or invalid; 2: variables missing.
 */
export async function loadChatScript(
  file: string,
  variables: Readonly<Record<string, string>>,
  io: LoadIo,
): Promise<LoadedChatScript> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    io.stderr(`outdial chat: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return { ok: false, exitCode: 1 };
  }
  const report = checkScriptFile(file, text);
  if (!report.ok || report.warnings.length > 0) {
    if (io.json) io.stdout(`${JSON.stringify({ type: 'check', ...report })}\n`);
    else io.stderr(renderScriptCheck([report]));
  }
  const read = parseScript(text, { fileName: file });
  if (!report.ok || !read.ok) return { ok: false, exitCode: 1 };

  const missing = missingVariables(read.script, variables);
  if (missing.length > 0) {
    if (io.json) {
      const names = missing.map((v) => v.name);
      const message = `the script needs variables with no fallback: ${names.join(', ')}; give each with --var name=value`;
      io.stdout(`${JSON.stringify({ type: 'error', code: 'MISSING_VARIABLE', missing: names, message })}\n`);
    }
    io.stderr(missingMessage(file, missing));
    return { ok: false, exitCode: 2 };
  }
  return { ok: true, script: read.script };
}
