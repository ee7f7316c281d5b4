import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.js';

describe('health, readiness, metrics, OpenAPI and docs', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite', { rateLimit: { max: 5, timeWindowMs: 60_000 } });
  });
  afterAll(() => s.close());

  it('answers /healthz and /readyz without a key', async () => {
    expect((await s.call('GET', '/healthz', { token: null })).body).toEqual({ status: 'ok' });
    expect((await s.call('GET', '/readyz', { token: null })).body).toEqual({ status: 'ready' });
  });

  it('publishes an OpenAPI 3.1 document generated from the request schemas, and interactive docs', async () => {
    const doc = (await s.call('GET', '/openapi.json', { token: null })).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/v1/job-groups', '/v1/job-groups/{id}/jobs', '/v1/jobs', '/v1/jobs/{id}', '/v1/line-groups']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const create = doc.paths['/v1/job-groups'].post;
    const body = create.requestBody.content['application/json'].schema;
    const resolved = body.$ref ? doc.components.schemas[body.$ref.split('/').pop()] : body;
    expect(resolved.required).toContain('name');
    expect(resolved.additionalProperties).toBe(false);
    expect(Object.keys(doc.paths)).not.toContain('/healthz');
    const docs = await fetch(`${s.url}/docs`, { redirect: 'follow' });
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('exposes Prometheus metrics: calls in flight, attempts, tasks by status, API latency', async () => {
    await s.call('GET', '/v1/line-groups');
    const text: string = (await s.call('GET', '/metrics', { token: null })).body;
    expect(text).toContain('outdial_calls_in_flight 0');
    expect(text).toContain('outdial_attempts_started_total');
    expect(text).toContain('# TYPE outdial_tasks_ended_total counter');
    expect(text).toMatch(
      /outdial_api_request_duration_seconds_count\{face="rest",route="\/v1\/line-groups",method="GET",status="200"\} \d+/,
    );
  });

  it('limits requests per key with 429 RATE_LIMITED, keeping other keys and health checks free', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await s.call('GET', '/v1/line-groups')).status);
    expect(statuses).toContain(429);
    const limited = await s.call('GET', '/v1/line-groups');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect((await s.call('GET', '/healthz', { token: null })).status).toBe(200);
    const other = await s.call('GET', `/v1/instances/${s.instanceId}`, { token: s.operatorApiKey });
    expect(other.status).toBe(200);
  });
});
