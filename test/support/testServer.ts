import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createMetrics, type Metrics } from '../../src/api/ops/metrics.js';
import { buildServer, type ServerOptions } from '../../src/api/server.js';
import { ensureStarterCredentials, type StarterCredentials } from '../../src/cli/serve/bootstrap.js';
import { createVirtualClock, type VirtualClock } from '../../src/core/virtualClock.js';
import { createEngine, type Engine } from '../../src/engine/createEngine.js';
import { createRecordingLinks } from '../../src/recordings/recordingLinks.js';
import { createFileRecordingStore } from '../../src/recordings/recordingStore.js';
import { createSecretBox, type SecretBox } from '../../src/service/credentials/secretBox.js';
import type { ServiceDeps } from '../../src/service/deps.js';
import { createSimTelephony } from '../../src/telephony/sim/createSimTelephony.js';
import { silentLog, testIds } from './campaign.js';
import { openTestStore, type TestDialect, type TestStore } from './testStore.js';

export interface TestServer extends Required<StarterCredentials> {
  url: string;
  app: FastifyInstance;
  store: TestStore;
  deps: ServiceDeps;
  box: SecretBox;
  clock: VirtualClock;
  engine: Engine;
  metrics: Metrics;
  /** JSON over real HTTP; `token` defaults to the demo instance's API key (null: none). */
  call(
    method: string,
    path: string,
    o?: { token?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> },
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are whatever JSON the server sent
  ): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

export const SERVER_T0 = Date.UTC(2026, 0, 5, 0, 0, 0); // Monday 08:00 Asia/Shanghai

/** A real server on a loopback port over a fresh store, a virtual clock and simulated lines (engine not started). */
export async function startTestServer(
  dialect: TestDialect,
  o: Partial<Pick<ServerOptions, 'rateLimit' | 'bodyLimit'>> & {
    /** Where the virtual clock starts (default SERVER_T0); Date.now() for clients that stamp the wall time. */
    startAt?: number;
    /** The server's logger (default: silent). */
    log?: Logger;
    /** Record answered calls into a folder of the test, downloadable from the server. */
    recordings?: boolean;
  } = {},
): Promise<TestServer> {
  const store = await openTestStore(dialect);
  const clock = createVirtualClock(o.startAt ?? SERVER_T0);
  const dir = mkdtempSync(join(tmpdir(), 'outdial-server-'));
  const recordings = o.recordings ? createFileRecordingStore(join(dir, 'recordings')) : undefined;
  let url = '';
  const engine = createEngine({
    db: store.db,
    caps: store.caps,
    clock,
    telephony: createSimTelephony({ clock, seed: 11, profile: 'default' }),
    log: silentLog,
    newId: testIds(),
    options: { pollMs: 60_000, sweepMs: 600_000 },
    ...(recordings ? { recordings: { store: recordings, urlOf: (taskId) => `${url}/v1/recordings/${taskId}` } } : {}),
  });
  const deps: ServiceDeps = {
    db: store.db,
    caps: store.caps,
    clock,
    newId: testIds(),
    defaultCountry: 'CN',
    defaultTimeZone: 'Asia/Shanghai',
    wake: () => engine.wake(),
  };
  const secretKey = randomBytes(32);
  const box = createSecretBox(secretKey);
  if (recordings) deps.recordingLinks = createRecordingLinks(secretKey);
  const metrics = createMetrics();
  metrics.watchEngine(engine);
  const app = await buildServer({
    deps,
    box,
    store,
    metrics,
    log: o.log ?? silentLog,
    rateLimit: o.rateLimit ?? false,
    ...(o.bodyLimit ? { bodyLimit: o.bodyLimit } : {}),
    ...(recordings ? { recordings } : {}),
  });
  const { credentials } = await ensureStarterCredentials(deps, box, {
    file: join(dir, 'credentials.json'),
    demo: true,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const starter = credentials as Required<StarterCredentials>;
  return {
    ...starter,
    url,
    app,
    store,
    deps,
    box,
    clock,
    engine,
    metrics,
    async call(method, path, c = {}) {
      const token = c.token === undefined ? starter.apiKey : c.token;
      const headers: Record<string, string> = { ...(c.headers ?? {}) };
      if (token) headers.authorization = `Bearer ${token}`;
      let body: string | undefined = c.raw;
      if (c.body !== undefined) {
        body = JSON.stringify(c.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(`${url}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON (e.g. /metrics): the text itself
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async close() {
      await engine.stop({ drainMs: 0 });
      await app.close();
      await store.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
