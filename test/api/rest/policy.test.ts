import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRefusals } from '../../../src/store/policy/insertRefusals.js';
import { startTestServer, type TestServer } from '../../support/testServer.js';
import { TEST_DIALECTS } from '../../support/testStore.js';

const DAY = 86_400_000;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are whatever JSON the server sent
type Reply = { status: number; body: any };

const expectError = (r: Reply, status: number, code: string, field?: string) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.error.code).toBe(code);
  if (field !== undefined) expect(r.body.error.field).toBe(field);
};

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: contact policy over REST`, () => {
    let s: TestServer;
    let otherKey: string;
    const csv = (path: string, body: string, query = '') =>
      s.call('POST', `${path}/import${query}`, { raw: body, headers: { 'content-type': 'text/csv' } });
    const patterns = async (path: string, token?: string) =>
      (await s.call('GET', `${path}?limit=1000`, token ? { token } : {})).body.items.map(
        (e: { pattern: string }) => e.pattern,
      );
    beforeAll(async () => {
      s = await startTestServer(dialect);
      const other = await s.call('POST', '/v1/instances', { token: s.operatorApiKey, body: { name: 'Other' } });
      otherKey = other.body.apiKey.token;
    });
    afterAll(() => s.close());

    it('an instance starts with no presets and no rules of its own', async () => {
      const r = await s.call('GET', '/v1/policy');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        settings: { presets: [] },
        effective: { basePeriod: null, perNumber: { per24h: null }, allowListOnly: false, useGlobalBlockList: true },
        modifiedAt: null,
      });
    });

    it('PUT stores the settings and answers with the rules in force, tightest first, each with its source', async () => {
      const body = { presets: ['cn-carrier'], perNumber: { per24h: 3 }, emptyNumberDays: 30 };
      const r = await s.call('PUT', '/v1/policy', { body });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.settings).toEqual(body);
      expect(r.body.modifiedAt).toBe(s.clock.now());
      // The setting's 3 is tighter than the preset's 5; the burst and the calling hours come from the preset.
      expect(r.body.effective.perNumber).toMatchObject({ per24h: 3, burst: { count: 3, minutes: 5 } });
      expect(r.body.effective.basePeriod).toEqual({
        days: [0, 1, 2, 3, 4, 5, 6],
        windows: [{ begin: '08:00', end: '21:00' }],
      });
      expect(r.body.effective.emptyNumberDays).toBe(30);
      expect(r.body.effective.sources['perNumber.burst']).toContain('cn-carrier');
      expect(r.body.effective.sources.basePeriod).toContain('cn-carrier');
      expect(r.body.effective.sources['perNumber.per24h']).toContain('settings');
      expect((await s.call('GET', '/v1/policy')).body).toEqual(r.body);
      // Another instance's policy is its own.
      expect((await s.call('GET', '/v1/policy', { token: otherKey })).body.settings).toEqual({ presets: [] });
    });

    it('PUT refuses nonsense naming the field, and keeps the settings it had', async () => {
      const before = (await s.call('GET', '/v1/policy')).body;
      const bad: [unknown, string][] = [
        [{ basePeriod: { days: [1], windows: [{ begin: '21:00', end: '08:00' }] } }, 'basePeriod.windows[0].end'],
        [{ presets: ['eu-gdpr'] }, 'presets[0]'],
        [{ perNumber: { per24h: 0 } }, 'perNumber.per24h'],
        [{ verification: { url: 'ftp://x', timeoutMs: 100, onTimeout: 'allow' } }, 'verification.url'],
        [{ colour: 'red' }, 'colour'],
      ];
      for (const [body, field] of bad)
        expectError(await s.call('PUT', '/v1/policy', { body }), 400, 'VALIDATION_FAILED', field);
      expectError(await s.call('PUT', '/v1/policy', { body: [1] }), 400, 'VALIDATION_FAILED');
      expect((await s.call('GET', '/v1/policy')).body).toEqual(before);
      expectError(await s.call('GET', '/v1/policy', { token: s.operatorApiKey }), 403, 'FORBIDDEN');
    });

    it('lists the presets with their rules and the regulation behind each', async () => {
      const r = await s.call('GET', '/v1/policy/presets');
      expect(r.status).toBe(200);
      expect(r.body.items.map((p: { name: string }) => p.name)).toEqual(['cn-carrier', 'us-tcpa', 'us-reg-f']);
      const tcpa = r.body.items[1];
      expect(tcpa.settings.minRingSeconds).toBe(15);
      expect(tcpa.description).toMatch(/TCPA/);
      expect(Object.keys(tcpa.sources).sort()).toEqual(['basePeriod', 'minRingSeconds']);
    });

    it('adds numbers and prefixes to the block list in stored form, and lists them by prefix, page by page', async () => {
      const r = await s.call('POST', '/v1/block-list', {
        body: { numbers: ['13800138000', '+86 139*', '010-6552 9988', '13800138001'], reason: 'complaint' },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toEqual({
        stored: 4,
        patterns: ['+8613800138000', '+86139*', '+861065529988', '+8613800138001'],
      });
      expect(await patterns('/v1/block-list')).toEqual([
        '+861065529988',
        '+8613800138000',
        '+8613800138001',
        '+86139*',
      ]);
      const first = await s.call('GET', '/v1/block-list?prefix=138&limit=1');
      expect(first.body.items).toEqual([
        { pattern: '+8613800138000', reason: 'complaint', expiresAt: null, createdAt: s.clock.now() },
      ]);
      const next = await s.call('GET', `/v1/block-list?prefix=138&limit=1&cursor=${first.body.nextCursor}`);
      expect(next.body.items.map((e: { pattern: string }) => e.pattern)).toEqual(['+8613800138001']);
      expect(next.body.nextCursor).toBeNull();
      // Lists are per instance, and the allow list is another list.
      expect(await patterns('/v1/block-list', otherKey)).toEqual([]);
      expect(await patterns('/v1/allow-list')).toEqual([]);
    });

    it('refuses a batch with one bad number, naming it, and stores none of it', async () => {
      const before = await patterns('/v1/block-list');
      expectError(
        await s.call('POST', '/v1/block-list', { body: { numbers: ['13700000001', 'call me', '13700000002'] } }),
        400,
        'INVALID_PHONE_NUMBER',
        'numbers[1]',
      );
      expectError(
        await s.call('POST', '/v1/block-list', { body: { numbers: ['13700000001'], expiresAt: s.clock.now() - 1 } }),
        400,
        'VALIDATION_FAILED',
        'expiresAt',
      );
      expectError(
        await s.call('POST', '/v1/block-list', { body: { numbers: [] } }),
        400,
        'VALIDATION_FAILED',
        'body.numbers',
      );
      const tooMany = Array.from({ length: 10_001 }, (_, i) => `1370${String(i).padStart(7, '0')}`);
      expectError(
        await s.call('POST', '/v1/block-list', { body: { numbers: tooMany } }),
        400,
        'VALIDATION_FAILED',
        'body.numbers',
      );
      expectError(await s.call('GET', '/v1/block-list?prefix=abc'), 400, 'VALIDATION_FAILED', 'prefix');
      expectError(await s.call('GET', '/v1/block-list?cursor=bm9wZQ'), 400, 'VALIDATION_FAILED', 'cursor');
      expect(await patterns('/v1/block-list')).toEqual(before);
    });

    it('an entry stops being listed at its expiry', async () => {
      const r = await s.call('POST', '/v1/allow-list', {
        body: { numbers: ['13600000001'], expiresAt: s.clock.now() + DAY },
      });
      expect(r.status).toBe(200);
      expect(await patterns('/v1/allow-list')).toEqual(['+8613600000001']);
      await s.clock.advanceBy(DAY);
      expect(await patterns('/v1/allow-list')).toEqual([]);
    });

    it('DELETE removes the named entries, however they are written', async () => {
      const r = await s.call('DELETE', '/v1/block-list', {
        body: { numbers: ['+86 138 0013 8001', '139*', '13999999999'] },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toEqual({ removed: 2 });
      expect(await patterns('/v1/block-list')).toEqual(['+861065529988', '+8613800138000']);
      expectError(
        await s.call('DELETE', '/v1/block-list', { body: { numbers: ['x'] } }),
        400,
        'INVALID_PHONE_NUMBER',
        'numbers[0]',
      );
    });

    it('imports a CSV upload, reporting bad rows by line', async () => {
      const r = await csv(
        '/v1/allow-list',
        'number,reason\n13500000001,test phone\nnope,\n13500000002,\n',
        '?reason=qa',
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toEqual({
        rows: 3,
        accepted: 2,
        rejected: 1,
        errors: [{ line: 3, value: 'nope', message: 'contains letters' }],
        errorsTruncated: false,
      });
      const listed = (await s.call('GET', '/v1/allow-list')).body.items;
      expect(listed.map((e: { pattern: string; reason: string }) => [e.pattern, e.reason])).toEqual([
        ['+8613500000001', 'test phone'],
        ['+8613500000002', 'qa'],
      ]);
      const sent = await s.call('POST', '/v1/allow-list/import', { body: { numbers: ['13500000003'] } });
      expectError(sent, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectError(
        await csv('/v1/allow-list', '13500000004\n', '?expiresAt=soon'),
        400,
        'VALIDATION_FAILED',
        'querystring.expiresAt',
      );
    });

    it("the operator's key alone manages the global block list, which instance lists do not show", async () => {
      const op = s.operatorApiKey;
      expectError(await s.call('GET', '/v1/global-block-list'), 403, 'FORBIDDEN');
      expectError(
        await s.call('POST', '/v1/global-block-list', { body: { numbers: ['13300000001'] } }),
        403,
        'FORBIDDEN',
      );
      expectError(await csv('/v1/global-block-list', '13300000001\n'), 403, 'FORBIDDEN');
      const added = await s.call('POST', '/v1/global-block-list', {
        token: op,
        body: { numbers: ['13300000001', '+1 900*'] },
      });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      const imported = await s.call('POST', '/v1/global-block-list/import', {
        token: op,
        raw: '13300000002\n',
        headers: { 'content-type': 'text/csv' },
      });
      expect(imported.body).toMatchObject({ accepted: 1 });
      expect(await patterns('/v1/global-block-list', op)).toEqual(['+1900*', '+8613300000001', '+8613300000002']);
      expect(await patterns('/v1/block-list')).not.toContain('+8613300000001');
      const removed = await s.call('DELETE', '/v1/global-block-list', { token: op, body: { numbers: ['+1900*'] } });
      expect(removed.body).toEqual({ removed: 1 });
      expectError(await s.call('GET', '/v1/block-list', { token: op }), 403, 'FORBIDDEN');
    });

    it("shows a job's refusals newest first, and only to its instance", async () => {
      const group = await s.call('POST', '/v1/job-groups', { body: { name: 'policy', lineGroupIds: [s.lineGroupId] } });
      const assigned = await s.call('POST', `/v1/job-groups/${group.body.id}/jobs`, {
        body: { jobs: [{ referenceId: 'r1', contacts: [{ phoneNumber: '13800138000', referenceId: 'r1' }] }] },
      });
      expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
      const jobId: string = assigned.body.jobIds[0];
      const at = s.clock.now();
      const base = { instanceId: s.instanceId, jobGroupId: group.body.id, jobId };
      await insertRefusals(s.store.db, [
        {
          ...base,
          id: 'refusal-1',
          at,
          verdict: 'defer',
          reason: 'BasePeriod',
          rule: 'base period: every day 08:00–21:00',
        },
        {
          ...base,
          id: 'refusal-2',
          at: at + 1,
          verdict: 'refuse',
          reason: 'ContactBlockList',
          rule: 'block list: +8613800138000',
        },
      ]);
      const page = await s.call('GET', `/v1/jobs/${jobId}/refusals?limit=1`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      expect(page.body.items).toEqual([
        {
          id: 'refusal-2',
          jobGroupId: group.body.id,
          at: at + 1,
          verdict: 'refuse',
          reason: 'ContactBlockList',
          rule: 'block list: +8613800138000',
        },
      ]);
      const rest = await s.call('GET', `/v1/jobs/${jobId}/refusals?cursor=${page.body.nextCursor}`);
      expect(rest.body.items.map((f: { id: string }) => f.id)).toEqual(['refusal-1']);
      // The job's detail shows the latest ones too.
      const detail = await s.call('GET', `/v1/jobs/${jobId}`);
      expect(detail.body.recentRefusals.map((f: { id: string; reason: string }) => [f.id, f.reason])).toEqual([
        ['refusal-2', 'ContactBlockList'],
        ['refusal-1', 'BasePeriod'],
      ]);
      expectError(await s.call('GET', `/v1/jobs/${jobId}/refusals`, { token: otherKey }), 404, 'JOB_NOT_FOUND');
      expectError(await s.call('GET', '/v1/jobs/no-such-job/refusals'), 404, 'JOB_NOT_FOUND');
    });

    it('documents every policy route in the OpenAPI document under the policy tag', async () => {
      const doc = (await s.call('GET', '/openapi.json', { token: null })).body;
      const tagged = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[]; summary?: string }>>)
        .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
        .filter(({ op }) => op.tags?.includes('policy'));
      expect(tagged.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(
        [
          'get /v1/policy',
          'put /v1/policy',
          'get /v1/policy/presets',
          'get /v1/jobs/{id}/refusals',
          ...['/v1/block-list', '/v1/allow-list', '/v1/global-block-list'].flatMap((p) => [
            `get ${p}`,
            `post ${p}`,
            `delete ${p}`,
            `post ${p}/import`,
          ]),
        ].sort(),
      );
      for (const { op } of tagged) expect(op.summary).toBeTruthy();
    });
  });
}
