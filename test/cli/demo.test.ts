import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'outdial-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('outdial demo', () => {
  it('runs a campaign to the end and prints every section of the summary, with the store path', async () => {
    vi.stubEnv('OUTDIAL_DATA_DIR', dir);
    const { code, out, err } = await run(['demo', '--contacts', '200', '--seed', '3']);
    vi.unstubAllEnvs();
    expect(code).toBe(0);
    for (const section of [
      'Jobs by JobStatus',
      'Tasks (call attempts) by TaskStatus',
      'FailureReason',
      'Attempts per job',
    ]) {
      expect(out).toContain(section);
    }
    expect(out).toMatch(/answer rate \(answered calls \/ calls\)\s+\d+\.\d%/);
    expect(out).toContain(join(dir, 'demo.sqlite'));
    expect(out).toMatch(/job group\s+Completed/);
    const jobSection = out.slice(out.indexOf('Jobs by JobStatus'), out.indexOf('Tasks (call attempts)'));
    const jobs = [
      ...jobSection.matchAll(/^ {2}(Scheduling|Executing|Succeeded|Paused|Failed|Cancelled) \(\d\)\s+(\d+)/gm),
    ];
    expect(jobs.reduce((n, m) => n + Number(m[2]), 0)).toBe(200);
    expect(jobs.find((m) => m[1] === 'Scheduling')?.[2]).toBe('0');
    expect(jobs.find((m) => m[1] === 'Executing')?.[2]).toBe('0');
    expect(err).toContain('200/200');
  });

  it('refuses bad options with the usage and exit code 2', async () => {
    expect((await run(['demo', '--contacts', 'many'])).code).toBe(2);
    expect((await run(['demo', '--profile', 'nope'])).err).toContain('--profile must be one of');
    expect((await run(['dial-everyone'])).code).toBe(2);
  });
});
