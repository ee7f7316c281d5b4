import { Writable } from 'node:stream';
import fc from 'fast-check';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { jobJson, rpcFor } from './alibaba/actions/rpcTestClient.js';

/** A logger at the most verbose level whose every line is kept. */
function capturingLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: 'trace' }, stream), text: () => lines.join('') };
}

describe('secrets stay out of the logs and the database', () => {
  const captured = capturingLog();
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite', { log: captured.log });
  });
  afterAll(() => s.close());

  it('logs requests at trace level without a bearer token or an AccessKeySecret in them', async () => {
    const made = await s.call('POST', `/v1/instances/${s.instanceId}/access-keys`);
    const rpc = rpcFor(s);
    await rpc.post('DescribeInstance', { InstanceId: s.instanceId });
    await rpc.get('ListJobGroups', { InstanceId: s.instanceId, PageNumber: 1, PageSize: 10 });
    const bad = await rpc.send(
      'GET',
      rpc.signed('GET', 'DescribeInstance', { InstanceId: s.instanceId }, { secret: 'wrong' }),
    );
    expect(bad.status).toBe(403);
    await s.call('GET', '/v1/job-groups', { token: `${s.apiKey}x` });
    const text = captured.text();
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [s.accessKeySecret, made.body.accessKeySecret, s.apiKey, s.operatorApiKey]) {
      expect(text).not.toContain(secret);
    }
    const tokenSecret = s.apiKey.slice(s.apiKey.indexOf('_', 4) + 1);
    expect(text).not.toContain(tokenSecret);
  });

  it('stores AccessKey secrets sealed and API keys only as hashes', async () => {
    const dump = JSON.stringify([
      ...(await sql`select * from access_key`.execute(s.store.db)).rows,
      ...(await sql`select * from api_key`.execute(s.store.db)).rows,
    ]);
    expect(dump).not.toContain(s.accessKeySecret);
    expect(dump).not.toContain(s.apiKey.slice(s.apiKey.indexOf('_', 4) + 1));
  });
});

describe('the Alibaba face under bad input and load', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite', { bodyLimit: 64 * 1024, rateLimit: { max: 30, timeWindowMs: 60_000 } });
  });
  afterAll(() => s.close());

  it('answers an oversized form body with 413 in the vendor envelope', async () => {
    const rpc = rpcFor(s);
    const params: Record<string, string> = { InstanceId: s.instanceId, JobGroupId: 'x' };
    for (let i = 1; i <= 99; i++) params[`JobsJson.${i}`] = jobJson(i).repeat(4);
    const r = await rpc.send('POST', rpc.signed('POST', 'AssignJobs', params));
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ Code: expect.any(String), Success: false, HttpStatusCode: 413 });
    expect(r.body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it('answers garbage and unsigned requests with a 4xx, never a 500', async () => {
    for (const body of ['%%%', 'a=1&a=2', '=', '&&&&', 'Action=DescribeInstance']) {
      const res = await fetch(`${s.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
      const json = (await res.json()) as { Code?: string };
      expect(json.Code).toBeTypeOf('string');
    }
  });

  it('throttles a key beyond its rate with Throttling.User, while another key still gets through', async () => {
    const rpc = rpcFor(s);
    let throttled: { status: number; body: { Code: string } } | undefined;
    for (let i = 0; i < 40 && !throttled; i++) {
      const r = await rpc.send('GET', rpc.signed('GET', 'DescribeInstance', { InstanceId: s.instanceId }));
      if (r.status !== 200) throttled = r;
    }
    expect(throttled?.status).toBe(400);
    expect(throttled?.body.Code).toBe('Throttling.User');
    const other = await s.call('POST', '/v1/instances', { token: s.operatorApiKey, body: { name: 'other' } });
    const theirs = rpcFor(s, {
      accessKeyId: other.body.accessKey.accessKeyId,
      accessKeySecret: other.body.accessKey.accessKeySecret,
    });
    const ok = await theirs.send(
      'GET',
      theirs.signed('GET', 'DescribeInstance', { InstanceId: other.body.instance.id }),
    );
    expect(ok.status).toBe(200);
  });
});

describe('no input makes the server fail', () => {
  let s: TestServer;
  let groupId: string;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    groupId = (await s.call('POST', '/v1/job-groups', { body: { name: 'g', lineGroupIds: [s.lineGroupId] } })).body.id;
  });
  afterAll(() => s.close());

  it('REST: arbitrary JSON bodies get a 2xx or a 4xx with a stable code', async () => {
    const paths = ['/v1/job-groups', `/v1/job-groups/${groupId}/jobs`, '/v1/jobs/cancel', '/v1/line-groups'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue(), async (path, body) => {
        const r = await s.call('POST', path, {
          raw: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
        expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
        if (r.status >= 400) expect(r.body.error.code).toMatch(/^[A-Z_]+$/);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('Alibaba: arbitrary parameter values on signed requests get the envelope and a status below 500', async () => {
    const rpc = rpcFor(s);
    const value = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.integer().map(String),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'CreateJobGroup',
          'AssignJobs',
          'ModifyJobGroup',
          'ListJobsByGroup',
          'QueryJobsWithResult',
          'CancelJobs',
        ),
        fc.dictionary(
          fc.constantFrom(
            'JobGroupName',
            'Name',
            'JobGroupId',
            'StrategyJson',
            'JobsJson.1',
            'PageNumber',
            'PageSize',
            'All',
            'JobId.1',
            'RingingDuration',
            'Priority',
            'CallingNumber.1',
          ),
          value,
        ),
        async (action, params) => {
          const r = await rpc.send('POST', rpc.signed('POST', action, { InstanceId: s.instanceId, ...params }));
          expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
          expect(r.body.RequestId).toBeTypeOf('string');
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });
});
