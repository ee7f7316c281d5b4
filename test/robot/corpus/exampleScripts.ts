import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CompiledScript, compileScript, parseScript, type Script } from '../../../src/robot/index.js';

const here = dirname(fileURLToPath(import.meta.url));
export const EXAMPLE_SCRIPTS_DIR = join(here, '../../../examples/scripts');
export const CORPUS_DIR = here;

/** The example scripts' file names, e.g. `debt-reminder.zh.yaml`. */
export function listExampleScripts(): string[] {
  return readdirSync(EXAMPLE_SCRIPTS_DIR)
    .filter((file) => file.endsWith('.yaml'))
    .sort();
}

export function readExampleScript(file: string): string {
  return readFileSync(join(EXAMPLE_SCRIPTS_DIR, file), 'utf8');
}

/** Parses (grading expressions included) and compiles an example script; throws with the parser's errors when it is invalid. */
export function loadExampleScript(file: string): { script: Script; compiled: CompiledScript } {
  const parsed = parseScript(readExampleScript(file), { fileName: file });
  if (!parsed.ok) {
    const errors = parsed.errors.map((e) => `${e.path}: ${e.code} ${e.message}`).join('\n');
    throw new Error(`${file} does not parse:\n${errors}`);
  }
  return { script: parsed.script, compiled: compileScript(parsed.script) };
}

/** A complete, realistic job for each example script (every declared variable given). */
export const SAMPLE_JOBS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'debt-reminder.zh.yaml': { name: '张先生', amount: '3280.50', dueDate: '3月15日' },
  'debt-reminder.en.yaml': { name: 'Ms. Rivera', amount: '$182.40', dueDate: 'March 15' },
  'telemarketing-offer.zh.yaml': { name: '王女士', price: '129' },
  'telemarketing-offer.en.yaml': { name: 'Alex', price: '$55' },
  'identity-check.zh.yaml': {
    name: '李先生',
    amount: '20000',
    idLast4: '0317',
    employer: '华东建设集团',
    applyDate: '3月5日',
  },
  'identity-check.en.yaml': {
    name: 'Jordan Lee',
    amount: '$5,000',
    idLast4: '4821',
    employer: 'Acme Logistics',
    applyDate: 'on March 5',
  },
};
