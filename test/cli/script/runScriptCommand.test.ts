import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runScriptCommand, type ScriptCommandIo } from '../../../src/cli/script/runScriptCommand.js';

const GOOD = `name: Offer
language: en
intents:
  yes: { semantic: positive, keywords: [yes] }
  no: { semantic: negative, keywords: ['no'] }
start: greet
nodes:
  greet:
    type: ask
    say: Do you have a minute?
    branches:
      - { intent: yes, goto: bye }
      - { intent: no, goto: bye }
    noInput: { then: bye }
    noMatch: { then: bye }
  bye: { type: hangup, say: Goodbye. }
`;

/** Valid, with a lint warning (an intent nothing uses). */
const WARNS = GOOD.replace('start: greet', '  maybe: { keywords: [maybe] }\nstart: greet');

/** A misspelt target and a grading expression naming an intent the script lacks. */
const BROKEN = `${GOOD.replace('{ intent: no, goto: bye }', '{ intent: no, goto: by }')}grading:
  levels:
    - { level: A, when: 'hit("yess")' }
`;

const FILES: Record<string, string> = { 'good.yaml': GOOD, 'warns.yaml': WARNS, 'broken.yaml': BROKEN };

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: ScriptCommandIo = {
    readFile: async (path) => {
      const text = FILES[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
  };
  const code = await runScriptCommand(args, io);
  return { code, out, err };
}

describe('outdial script check', () => {
  it('prints ok and exits 0 for a clean script', async () => {
    expect(await run(['check', 'good.yaml'])).toEqual({ code: 0, out: 'good.yaml: ok\n', err: '' });
  });

  it('prints warnings with file, line and code, and still exits 0', async () => {
    const { code, out } = await run(['check', 'warns.yaml']);
    expect(code).toBe(0);
    expect(out).toBe(
      "warns.yaml:6:3: warning: intents.maybe: intent 'maybe' is used by no branch, global or knowledge entry [UNUSED_INTENT]\n" +
        'warns.yaml: ok, 1 warning\n',
    );
  });

  it('prints each error as file:line:column: error: path: message [CODE] and exits 1', async () => {
    const { code, out } = await run(['check', 'good.yaml', 'broken.yaml']);
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('good.yaml: ok');
    expect(lines[1]).toBe(
      "broken.yaml:13:23: error: nodes.greet.branches[1].goto: no node named 'by'; did you mean 'bye'? [UNKNOWN_NODE]",
    );
    expect(lines[2]).toMatch(/^broken\.yaml:19:\d+: error: grading\.levels\[0\]\.when: .*yess.* \[BAD_EXPRESSION\]$/);
    expect(lines.at(-1)).toBe('broken.yaml: 2 errors');
  });

  it('reports a file it cannot read as an error of that file', async () => {
    const { code, out } = await run(['check', 'missing.yaml', 'good.yaml']);
    expect(code).toBe(1);
    expect(out).toContain('missing.yaml: error: cannot read the file: ENOENT');
    expect(out).toContain('good.yaml: ok');
  });

  it('prints a machine-readable report with --json', async () => {
    const { code, out } = await run(['check', '--json', 'warns.yaml', 'broken.yaml']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      files: { file: string; ok: boolean; errors: unknown[]; warnings: unknown[] }[];
    };
    expect(report.files.map((f) => [f.file, f.ok, f.errors.length, f.warnings.length])).toEqual([
      ['warns.yaml', true, 0, 1],
      ['broken.yaml', false, 2, 0],
    ]);
    expect(report.files[1]?.errors[0]).toEqual({
      path: 'nodes.greet.branches[1].goto',
      code: 'UNKNOWN_NODE',
      message: "no node named 'by'; did you mean 'bye'?",
      line: 13,
      column: 23,
    });
  });

  it('refuses bad usage with exit code 2 and the usage text', async () => {
    for (const args of [[], ['lint', 'good.yaml'], ['check'], ['check', '--verbose', 'good.yaml']]) {
      const { code, out, err } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err).toContain('outdial script check <file...> [--json]');
    }
  });
});

describe('outdial script check as a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'outdial-script-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const CHILD = fileURLToPath(new URL('../serveChild.ts', import.meta.url));

  it('checks real files through the outdial command and sets the exit code', async () => {
    writeFileSync(join(dir, 'good.yaml'), GOOD);
    writeFileSync(join(dir, 'broken.json'), '{\n  "name": "x",\n  "language": "en"\n  "start": "a"\n}\n');
    const files = ['good.yaml', 'broken.json'].map((name) => join(dir, name));
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, 'script', 'check', ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(out).toContain(`${files[0]}: ok`);
    expect(out).toContain(`${files[1]}:4:3: error: invalid JSON: `);
    expect(out).toMatch(/broken\.json:4:3: error: invalid JSON: .+ \[SYNTAX\]$/m);
    expect(code).toBe(1);
  });
});
