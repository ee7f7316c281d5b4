import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkScriptFile, type ScriptFileReport } from './checkScriptFile.js';
import { renderScriptCheck } from './renderScriptCheck.js';

export const SCRIPT_USAGE = `Usage:
  outdial script check <file...> [--json]
      Checks robot scripts written in JSON or YAML: syntax, fields, references between nodes,
      intents and variables, grading expressions, and warnings about likely mistakes.
      Prints each problem as file:line:column: error|warning: path: message [CODE], then 'ok' or
      the counts per file. Exit code 1 when a file has errors, 0 when there are only warnings.
      --json   print the report as JSON: { files: [{ file, ok, errors, warnings }] }
`;

/** Where the command reads and writes; tests pass their own. */
export interface ScriptCommandIo {
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: ScriptCommandIo = {
  readFile: (path) => readFile(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

async function checkFile(file: string, io: ScriptCommandIo): Promise<ScriptFileReport> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      file,
      ok: false,
      errors: [{ path: '', code: 'UNREADABLE', message: `cannot read the file: ${reason}` }],
      warnings: [],
    };
  }
  return checkScriptFile(file, text);
}

/** `outdial script <subcommand> …`; returns the exit code (2 for a usage error). */
export async function runScriptCommand(args: readonly string[], io: ScriptCommandIo = processIo): Promise<number> {
  const [subcommand, ...rest] = args;
  let parsed: { json: boolean; files: string[] };
  try {
    if (subcommand !== 'check')
      throw new Error(subcommand === undefined ? 'missing subcommand' : `unknown subcommand '${subcommand}'`);
    const { values, positionals } = parseArgs({
      args: rest,
      options: { json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length === 0) throw new Error('give at least one script file');
    parsed = { json: values.json === true, files: positionals };
  } catch (error) {
    io.stderr(`outdial script: ${error instanceof Error ? error.message : String(error)}\n\n${SCRIPT_USAGE}`);
    return 2;
  }
  const reports: ScriptFileReport[] = [];
  for (const file of parsed.files) reports.push(await checkFile(file, io));
  io.stdout(parsed.json ? `${JSON.stringify({ files: reports }, null, 2)}\n` : renderScriptCheck(reports));
  return reports.some((r) => !r.ok) ? 1 : 0;
}
