import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  jsonParam,
  mergeParams,
  type RawParams,
  repeatList,
  repeatObjects,
  required,
} from '../../../src/api/alibaba/params.js';
import { verifySignature } from '../../../src/api/alibaba/signature.js';
import { popClient } from '../../support/popClient.js';

/** What a bare HTTP server saw of one request. */
interface Seen {
  method: string;
  url: string;
  query: RawParams;
  body: RawParams;
}

function grouped(search: URLSearchParams): RawParams {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of search) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A server that records each request and answers with a success envelope pop-core accepts. */
async function capturingServer(options: http.ServerOptions = {}) {
  const seen: Seen[] = [];
  const server = http.createServer(options, (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        query: grouped(url.searchParams),
        body: grouped(new URLSearchParams(body)),
      });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ RequestId: 'R1', Success: true, Code: 'OK', Message: 'Success', HttpStatusCode: 200 }));
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, port, seen };
}

const SECRET = 'pop-core-secret';
const client = (endpoint: string, accessKeySecret = SECRET) =>
  popClient({ endpoint, accessKeyId: 'AK-test', accessKeySecret });

const job = (i: number) =>
  JSON.stringify({
    extras: [{ key: 'debt', value: `${1000 + i}.50 元` }],
    contacts: [{ phoneNumber: `1380013${String(i).padStart(4, '0')}`, name: `张三 ${i}`, referenceId: `ref-${i}` }],
  });

const strategy = {
  maxAttemptsPerDay: 3,
  minAttemptInterval: 10,
  RepeatBy: 'week',
  RepeatDays: [1, 2, 3],
  workingTime: [{ beginTime: '09:00:00', endTime: '12:00:00' }],
};

describe('requests signed by @alicloud/pop-core verify here', () => {
  it('GET: every parameter in the query string; JSON, .N lists and .N.Sub objects parse back', async () => {
    const s = await capturingServer();
    await client(s.endpoint).get('AssignJobs', {
      InstanceId: 'inst-1',
      JobGroupId: 'group-1',
      JobsJson: [job(1), job(2)],
      StrategyJson: JSON.stringify(strategy),
      Contacts: [
        { Name: "O'Brien (ops)", Tags: ['a*', 'b!'] },
        { Name: '李四', Tags: ['c'] },
      ],
    });
    const [req] = s.seen;
    expect(req?.method).toBe('GET');
    expect(Object.keys(req?.body ?? {})).toEqual([]);
    const p = mergeParams(req!.query, req!.body);
    expect(p.Action).toBe('AssignJobs');
    expect(p.Version).toBe('2019-12-26');
    expect(verifySignature('GET', p, SECRET)).toEqual({ ok: true });

    expect(required(p, 'InstanceId')).toBe('inst-1');
    expect(repeatList(p, 'JobsJson').map((j) => JSON.parse(j))).toEqual([JSON.parse(job(1)), JSON.parse(job(2))]);
    expect(jsonParam(p, 'StrategyJson')).toEqual(strategy);
    expect(repeatObjects(p, 'Contacts')).toEqual([
      { Name: "O'Brien (ops)", 'Tags.1': 'a*', 'Tags.2': 'b!' },
      { Name: '李四', 'Tags.1': 'c' },
    ]);
  });

  it('POST: nothing in the URL, everything in the form body; the method is part of the signature', async () => {
    const s = await capturingServer();
    await client(s.endpoint).post('CreateJobGroup', {
      InstanceId: 'inst-1',
      JobGroupName: '第一个作业组 (2026)',
      CallingNumber: ['02100000001', '02100000002'],
      StrategyJson: JSON.stringify(strategy),
    });
    const [req] = s.seen;
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/');
    const p = mergeParams(req!.query, req!.body);
    expect(verifySignature('POST', p, SECRET)).toEqual({ ok: true });
    expect(verifySignature('GET', p, SECRET).ok).toBe(false);
    expect(repeatList(p, 'CallingNumber')).toEqual(['02100000001', '02100000002']);
    expect(required(p, 'JobGroupName')).toBe('第一个作业组 (2026)');
  });

  it('a tampered value or a wrong secret fails', async () => {
    const s = await capturingServer();
    await client(s.endpoint, 'the-wrong-secret').get('DescribeJobGroup', { InstanceId: 'inst-1', JobGroupId: 'g' });
    await client(s.endpoint).get('DescribeJobGroup', { InstanceId: 'inst-1', JobGroupId: 'g' });
    const [wrongSecret, good] = s.seen.map((r) => mergeParams(r.query, r.body));
    expect(verifySignature('GET', wrongSecret!, SECRET).ok).toBe(false);
    expect(verifySignature('GET', good!, SECRET).ok).toBe(true);
    expect(verifySignature('GET', { ...good!, JobGroupId: 'another-group' }, SECRET).ok).toBe(false);
  });

  it('a POST that carries some parameters in the query string and the rest in the body verifies merged', async () => {
    const s = await capturingServer();
    await client(s.endpoint).post('DescribeJob', { InstanceId: 'inst-1', JobId: 'job-1' });
    const all = mergeParams(s.seen[0]!.query, s.seen[0]!.body);
    const inUrl = new URLSearchParams();
    const inBody = new URLSearchParams();
    for (const [i, [k, v]] of Object.entries(all).entries()) (i % 2 === 0 ? inUrl : inBody).append(k, v);

    const res = await fetch(`${s.endpoint}/?${inUrl}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: inBody.toString(),
    });
    expect(res.status).toBe(200);
    const split = s.seen[1]!;
    expect(Object.keys(split.query).length).toBeGreaterThan(0);
    expect(Object.keys(split.body).length).toBeGreaterThan(0);
    expect(verifySignature('POST', mergeParams(split.query, split.body), SECRET)).toEqual({ ok: true });
  });
});

describe('a long GET (AssignJobs with 99 JobsJson)', () => {
  const jobs = Array.from({ length: 99 }, (_, i) => job(i));

  it("is over 16 KiB, which Node's default maxHeaderSize answers with 431", async () => {
    const big = await capturingServer({ maxHeaderSize: 1 << 20 });
    await client(big.endpoint).get('AssignJobs', { InstanceId: 'inst-1', JobGroupId: 'group-1', JobsJson: jobs });
    const url = big.seen[0]!.url;
    expect(url.length).toBeGreaterThan(16 * 1024);

    const small = await capturingServer();
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: small.port, path: url, agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status).toBe(431);
    await expect(
      client(small.endpoint).get('AssignJobs', { InstanceId: 'inst-1', JobGroupId: 'group-1', JobsJson: jobs }),
    ).rejects.toBeTruthy();
    expect(small.seen).toHaveLength(0);
  });

  it('is accepted, and verifies, by a server created with { maxHeaderSize: 1 << 20 }', async () => {
    const s = await capturingServer({ maxHeaderSize: 1 << 20 });
    const body = await client(s.endpoint).get('AssignJobs', {
      InstanceId: 'inst-1',
      JobGroupId: 'group-1',
      JobsJson: jobs,
    });
    expect(body).toMatchObject({ Code: 'OK' });
    const p = mergeParams(s.seen[0]!.query, s.seen[0]!.body);
    expect(verifySignature('GET', p, SECRET)).toEqual({ ok: true });
    expect(repeatList(p, 'JobsJson')).toEqual(jobs);
  });
});
