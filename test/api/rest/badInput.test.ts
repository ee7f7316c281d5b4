import { connect } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/testServer.js';
import { TEST_DIALECTS } from '../../support/testStore.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: REST refuses bad input with a 4xx naming the field, and writes nothing`, () => {
    let s: TestServer;
    let groupId: string;
    const jobCount = async () =>
      Number((await sql<{ n: number }>`select count(*) as n from job`.execute(s.store.db)).rows[0]?.n);
    beforeAll(async () => {
      s = await startTestServer(dialect, { bodyLimit: 64 * 1024 });
      groupId = (await s.call('POST', '/v1/job-groups', { body: { name: 'g', lineGroupIds: [s.lineGroupId] } })).body
        .id;
    });
    afterAll(() => s.close());

    // biome-ignore lint/suspicious/noExplicitAny: response bodies are whatever JSON the server sent
    const expectError = (r: { status: number; body: any }, status: number, code: string, field?: string) => {
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(r.body.error.code).toBe(code);
      expect(r.body.error.message).toBeTypeOf('string');
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(ts|js):\d+/);
      if (field !== undefined) expect(r.body.error.field).toBe(field);
    };

    it('malformed JSON', async () => {
      const r = await s.call('POST', '/v1/job-groups', {
        raw: '{"name": "x",',
        headers: { 'content-type': 'application/json' },
      });
      expectError(r, 400, 'VALIDATION_FAILED', 'body');
    });

    it('unknown fields, wrong types, missing fields', async () => {
      expectError(
        await s.call('POST', '/v1/job-groups', { body: { name: 'x', lineGroupIds: [s.lineGroupId], colour: 'red' } }),
        400,
        'VALIDATION_FAILED',
        'body.colour',
      );
      expectError(
        await s.call('POST', '/v1/job-groups', {
          body: { name: 'x', lineGroupIds: [s.lineGroupId], ringingDuration: 'long' },
        }),
        400,
        'VALIDATION_FAILED',
        'body.ringingDuration',
      );
      expectError(
        await s.call('POST', '/v1/job-groups', { body: { lineGroupIds: [s.lineGroupId] } }),
        400,
        'VALIDATION_FAILED',
        'body.name',
      );
      expectError(await s.call('GET', '/v1/jobs?status=Finished'), 400, 'VALIDATION_FAILED');
      expectError(await s.call('GET', '/v1/jobs?limit=0'), 400, 'VALIDATION_FAILED', 'querystring.limit');
      expectError(await s.call('GET', '/v1/jobs?cursor=%%%'), 400, 'VALIDATION_FAILED');
    });

    it('an invalid strategy names the field inside it', async () => {
      const r = await s.call('POST', '/v1/job-groups', {
        body: {
          name: 'x',
          lineGroupIds: [s.lineGroupId],
          strategy: { workingTime: [{ beginTime: '25:00', endTime: '26:00' }] },
        },
      });
      expectError(r, 400, 'INVALID_STRATEGY');
      expect(r.body.error.field).toMatch(/^strategy\.workingTime\[0\]\.beginTime$/);
    });

    it('a batch with one bad phone number stores none of it', async () => {
      const before = await jobCount();
      const r = await s.call('POST', `/v1/job-groups/${groupId}/jobs`, {
        body: {
          jobs: [
            { referenceId: 'p1', contacts: [{ phoneNumber: '13800138000' }] },
            { referenceId: 'p2', contacts: [{ phoneNumber: 'call me' }] },
          ],
        },
      });
      expectError(r, 400, 'INVALID_PHONE_NUMBER', 'jobs[1].contacts[0].phoneNumber');
      expect(await jobCount()).toBe(before);
    });

    it('a referenceId already in the group is a conflict and nothing is stored', async () => {
      await s.call('POST', `/v1/job-groups/${groupId}/jobs`, {
        body: { jobs: [{ referenceId: 'r1', contacts: [{ phoneNumber: '13800138001' }] }] },
      });
      const before = await jobCount();
      const r = await s.call('POST', `/v1/job-groups/${groupId}/jobs`, {
        body: {
          jobs: [
            { referenceId: 'r2', contacts: [{ phoneNumber: '13800138002' }] },
            { referenceId: 'r1', contacts: [{ phoneNumber: '13800138003' }] },
          ],
        },
      });
      expectError(r, 409, 'DUPLICATE_REFERENCE_ID', 'jobs[1].referenceId');
      expect(await jobCount()).toBe(before);
    });

    it('an oversized body is 413', async () => {
      const jobs = Array.from({ length: 2000 }, (_, i) => ({
        referenceId: `big-${i}`,
        contacts: [{ phoneNumber: `1380000${String(i).padStart(4, '0')}` }],
      }));
      expectError(await s.call('POST', `/v1/job-groups/${groupId}/jobs`, { body: { jobs } }), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('wrong media type is 415; unknown routes and ids are 404 in the same envelope', async () => {
      expectError(
        await s.call('POST', '/v1/job-groups', {
          raw: 'name=x',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectError(await s.call('GET', '/v1/nothing-here'), 404, 'NOT_FOUND');
      expectError(await s.call('GET', '/v1/jobs/no-such-job'), 404, 'JOB_NOT_FOUND');
      expectError(await s.call('POST', '/v1/job-groups/no-such-group/pause'), 404, 'JOB_GROUP_NOT_FOUND');
    });
  });
}

describe('requests Node cannot parse, and commands sent with an empty JSON body', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
  });
  afterAll(() => s.close());

  it('answers raw UTF-8 in a URL with a 400 naming the fix, in both envelopes', async () => {
    // What `curl "…?map.phoneNumber=手机号"` sends: the bytes as they are, which HTTP does not allow.
    const url = new URL(s.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const c = connect(Number(url.port), url.hostname, () => {
        c.write(Buffer.from('POST /v1/jobs?map.phoneNumber=手机号 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n'));
      });
      let text = '';
      c.on('data', (d) => {
        text += d;
      });
      c.on('close', () => resolve(text));
      c.on('error', reject);
    });
    expect(raw.split(' ')[1]).toBe('400');
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toContain('percent-encoded');
    expect(body.Code).toBe('InvalidParameter');
  });

  it('takes a command with content-type JSON and no body', async () => {
    const g = (await s.call('POST', '/v1/job-groups', { body: { name: 'g', lineGroupIds: [s.lineGroupId] } })).body;
    const r = await s.call('POST', `/v1/job-groups/${g.id}/pause`, { headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('Paused');
  });
});
