import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TaskStatus } from '../../src/core/enums.js';
import { openStore } from '../../src/store/openStore.js';

const CHILD = fileURLToPath(new URL('./serveChild.ts', import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  banner: string;
  exited: Promise<number | null>;
  stderr: () => string;
}

function startServe(dataDir: string, args: string[] = []): Promise<Running> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, 'serve', '--port', '0', '--host', '127.0.0.1', ...args],
    {
      env: { ...process.env, OUTDIAL_DATA_DIR: dataDir, OUTDIAL_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}\n${err}`)), 60_000);
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m && out.includes('kept in')) {
        clearTimeout(timer);
        resolve({ child, url: m[1] as string, banner: out, exited, stderr: () => err });
      }
    });
    exited.then((code) => reject(new Error(`serve exited with ${code}:\n${out}\n${err}`)));
  });
}

const field = (banner: string, name: string) => new RegExp(`${name}\\s+(\\S+)`).exec(banner)?.[1] as string;

describe('outdial serve', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'outdial-serve-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts with printed demo keys, takes a campaign, and on SIGTERM drains calls and loses nothing', async () => {
    const s = await startServe(dataDir, ['--drain-seconds', '2']);
    const apiKey = field(s.banner, 'API key');
    const lineGroupId = field(s.banner, 'line group');
    expect(field(s.banner, 'AccessKeyId')).toMatch(/^LTAI/);
    expect(statSync(join(dataDir, 'credentials.json')).mode & 0o777).toBe(0o600);
    const auth = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };

    expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
    const created = await fetch(`${s.url}/v1/job-groups`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'live', lineGroupIds: [lineGroupId] }),
    });
    const group = (await created.json()) as { id: string };
    const assigned = await fetch(`${s.url}/v1/job-groups/${group.id}/jobs`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        jobs: Array.from({ length: 40 }, (_, i) => ({
          referenceId: `r${i}`,
          contacts: [{ phoneNumber: `1380000${String(i).padStart(4, '0')}` }],
        })),
      }),
    });
    expect(assigned.status).toBe(201);

    // Wait (polling the server, not the clock) until calls are in flight.
    let inFlight = 0;
    for (let i = 0; i < 200 && inFlight === 0; i++) {
      const metrics = await (await fetch(`${s.url}/metrics`)).text();
      inFlight = Number(/^outdial_calls_in_flight (\d+)/m.exec(metrics)?.[1] ?? 0);
      if (inFlight === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(inFlight).toBeGreaterThan(0);

    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.stderr()).toContain('every outcome is recorded');

    const store = await openStore({ database: join(dataDir, 'outdial.sqlite') });
    let talked: {
      id: string;
      recording_file: string | null;
      recording_size: number | null;
      recording_url: string | null;
    }[] = [];
    try {
      const open = await store.db.selectFrom('task').select('id').where('status', '=', TaskStatus.Executing).execute();
      expect(open).toEqual([]);
      const tasks = await store.db.selectFrom('task').select(['end_time']).execute();
      expect(tasks.length).toBeGreaterThan(0);
      expect(tasks.every((t) => t.end_time !== null)).toBe(true);
      const stuck = await store.db.selectFrom('job').select('id').where('status', '=', 1).execute();
      expect(stuck).toEqual([]);
      // Every call that talked, hung up by the drain or not, has its recording kept under the data directory.
      talked = await store.db
        .selectFrom('task')
        .select(['id', 'recording_file', 'recording_size', 'recording_url'])
        .where('talk_duration', '>', 0)
        .execute();
      for (const t of talked) {
        expect(t.recording_file).toBe(`${t.id}.wav`);
        expect(t.recording_url).toBe(`${s.url}/v1/recordings/${t.id}`);
        expect(statSync(join(dataDir, 'recordings', t.id.slice(-2), `${t.id}.wav`)).size).toBe(t.recording_size);
      }
    } finally {
      await store.close();
    }

    // A restart shows the same keys again and still accepts them.
    const again = await startServe(dataDir, ['--drain-seconds', '1']);
    try {
      expect(field(again.banner, 'API key')).toBe(apiKey);
      const g = await fetch(`${again.url}/v1/job-groups/${group.id}`, { headers: auth });
      expect(g.status).toBe(200);
      const [one] = talked;
      if (one) {
        const wav = await fetch(`${again.url}/v1/recordings/${one.id}`, { headers: auth });
        expect(wav.status).toBe(200);
        expect(Number(wav.headers.get('content-length'))).toBe(one.recording_size);
      }
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  }, 120_000);
});
