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

    // The group runs the example debt reminder: every contact gets a level from its last call.
    expect(err).toContain("robot script 'Overdue payment reminder'");
    const levelSection = out.slice(out.indexOf('Contacts by level'), out.indexOf('Top tags'));
    const levels = [...levelSection.matchAll(/^ {2}([A-F]) \([^)]+\)\s+(\d+)\s+\d+\.\d%$/gm)];
    expect(levels.map((m) => m[1])).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(levels.reduce((n, m) => n + Number(m[2]), 0)).toBe(200);
    // Contacts never reached are graded by their call status alone (D busy/no answer, E failed), the rest talked.
    const reached = Number(/contacts reached\s+\d+\.\d%\s+\((\d+) of 200\)/.exec(out)?.[1]);
    const byLevel = Object.fromEntries(levels.map((m) => [m[1], Number(m[2])]));
    expect(reached).toBeGreaterThan(0);
    expect((byLevel.D ?? 0) + (byLevel.E ?? 0)).toBeGreaterThanOrEqual(200 - reached);
    expect(byLevel.A).toBeGreaterThan(0);

    const tagSection = out.slice(out.indexOf('Top tags'), out.indexOf('A sample A-level conversation'));
    expect(tagSection).toContain(`share of the ${reached} conversations`);
    const tags = [...tagSection.matchAll(/^ {2}([a-z_]+)\s+(\d+)\s+\d+\.\d%$/gm)].map((m) => Number(m[2]));
    expect(tags.length).toBeGreaterThan(0);
    expect([...tags].sort((a, b) => b - a)).toEqual(tags);
    // Every A call of this script carries its promise_to_pay tag.
    expect(tagSection).toMatch(new RegExp(`^ {2}promise_to_pay\\s+${byLevel.A}\\s`, 'm'));

    expect(out).toMatch(
      new RegExp(`mean rounds per conversation \\(robot turns\\)\\s+\\d+\\.\\d {2}\\(${reached} conversations\\)`),
    );
    const sample = out.slice(out.indexOf('A sample A-level conversation'), out.indexOf('\nCampaign\n')).split('\n');
    expect(sample[1]).toMatch(
      /^ {2}00:00 {2}robot {4}Hello, this is Harbor Bank card services\. Am I speaking with M[rs]\. [A-Z][a-z]+\?$/,
    );
    expect(sample.some((l) => /^ {2}\d\d:\d\d {2}contact {2}.+ {2}\[payDate\]$/.test(l))).toBe(true);
    expect(sample.join('\n')).toMatch(/your card payment of \$[\d,]+\.\d\d was due on [A-Z][a-z]+ \d{1,2} /);
    expect(out).not.toMatch(/undefined|\$\{/);
  });

  it('prints the same summary for the same seed', async () => {
    vi.stubEnv('OUTDIAL_DATA_DIR', dir);
    const runs = [];
    for (let i = 0; i < 2; i++) runs.push((await run(['demo', '--contacts', '80', '--seed', '11'])).out);
    vi.unstubAllEnvs();
    const stable = (out: string) => out.replace(/^ {2}wall time .*$/m, '');
    expect(runs[0]).toContain('A sample A-level conversation');
    expect(stable(runs[0] ?? '')).toBe(stable(runs[1] ?? ''));
  });

  it('refuses bad options with the usage and exit code 2', async () => {
    expect((await run(['demo', '--contacts', 'many'])).code).toBe(2);
    expect((await run(['demo', '--profile', 'nope'])).err).toContain('--profile must be one of');
    expect((await run(['dial-everyone'])).code).toBe(2);
  });
});
