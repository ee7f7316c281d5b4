import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/testServer.js';
import { TEST_DIALECTS } from '../../support/testStore.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: REST keys and tenancy`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer(dialect);
    });
    afterAll(() => s.close());

    it('refuses requests without a key, with a wrong one, and with a malformed header', async () => {
      const none = await s.call('GET', '/v1/job-groups', { token: null });
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('UNAUTHENTICATED');
      const wrong = await s.call('GET', '/v1/job-groups', { token: `${s.apiKey.slice(0, -2)}xx` });
      expect(wrong.status).toBe(401);
      const basic = await s.call('GET', '/v1/job-groups', { token: null, headers: { authorization: 'Basic abc' } });
      expect(basic.status).toBe(401);
    });

    it('keeps operator keys to instances and instance keys to their own instance', async () => {
      const asOperator = await s.call('GET', '/v1/job-groups', { token: s.operatorApiKey });
      expect(asOperator.status).toBe(403);
      expect(asOperator.body.error.code).toBe('FORBIDDEN');
      const listAsInstance = await s.call('GET', '/v1/instances');
      expect(listAsInstance.status).toBe(403);
      const own = await s.call('GET', `/v1/instances/${s.instanceId}`);
      expect(own.status).toBe(200);
      expect(own.body.name).toBe('Demo');
    });

    it('an operator creates an instance whose key sees none of another instance', async () => {
      const created = await s.call('POST', '/v1/instances', { token: s.operatorApiKey, body: { name: 'Acme' } });
      expect(created.status).toBe(201);
      const acmeKey: string = created.body.apiKey.token;
      expect(created.body.accessKey.accessKeySecret).toMatch(/^[A-Za-z0-9]{30}$/);
      const listed = await s.call('GET', '/v1/instances?limit=1000', { token: s.operatorApiKey });
      expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(created.body.instance.id);

      const group = await s.call('POST', '/v1/job-groups', {
        body: { name: 'demo campaign', lineGroupIds: [s.lineGroupId] },
      });
      expect(group.status).toBe(201);
      const peek = await s.call('GET', `/v1/job-groups/${group.body.id}`, { token: acmeKey });
      expect(peek.status).toBe(404);
      expect(peek.body.error.code).toBe('JOB_GROUP_NOT_FOUND');
      const theirs = await s.call('GET', '/v1/job-groups', { token: acmeKey });
      expect(theirs.body.items).toEqual([]);
      const otherInstance = await s.call('GET', `/v1/instances/${s.instanceId}`, { token: acmeKey });
      expect(otherInstance.status).toBe(404);
      const useTheirLines = await s.call('POST', '/v1/job-groups', {
        token: acmeKey,
        body: { name: 'x', lineGroupIds: [s.lineGroupId] },
      });
      expect(useTheirLines.status).toBe(404);
      expect(useTheirLines.body.error.field).toBe('lineGroupIds[0]');
    });

    it('rotating a key stops the old token at once; revoking stops the key', async () => {
      const made = await s.call('POST', `/v1/instances/${s.instanceId}/api-keys`, { body: { name: 'ci' } });
      expect(made.status).toBe(201);
      const first: string = made.body.token;
      expect((await s.call('GET', '/v1/line-groups', { token: first })).status).toBe(200);
      const rotated = await s.call('POST', `/v1/instances/${s.instanceId}/api-keys/${made.body.id}/rotate`);
      expect(rotated.status).toBe(201);
      expect((await s.call('GET', '/v1/line-groups', { token: first })).status).toBe(401);
      const second: string = rotated.body.token;
      expect((await s.call('GET', '/v1/line-groups', { token: second })).status).toBe(200);
      const revoked = await s.call('DELETE', `/v1/instances/${s.instanceId}/api-keys/${rotated.body.id}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).toBeTypeOf('number');
      expect((await s.call('GET', '/v1/line-groups', { token: second })).status).toBe(401);
      const keys = await s.call('GET', `/v1/instances/${s.instanceId}/api-keys`);
      expect(JSON.stringify(keys.body)).not.toContain(second.slice(second.indexOf('_', 4) + 1));
    });

    it('issues and revokes AccessKey pairs; secrets are shown once', async () => {
      const made = await s.call('POST', `/v1/instances/${s.instanceId}/access-keys`);
      expect(made.status).toBe(201);
      expect(made.body.accessKeyId).toMatch(/^LTAI[A-Za-z0-9]{20}$/);
      const listed = await s.call('GET', `/v1/instances/${s.instanceId}/access-keys`);
      expect(JSON.stringify(listed.body)).not.toContain(made.body.accessKeySecret);
      const gone = await s.call('DELETE', `/v1/instances/${s.instanceId}/access-keys/${made.body.accessKeyId}`);
      expect(gone.status).toBe(200);
      expect(gone.body.revokedAt).toBeTypeOf('number');
    });
  });
}
