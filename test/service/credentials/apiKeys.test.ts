import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutdialError } from '../../../src/core/errors.js';
import { createVirtualClock, type VirtualClock } from '../../../src/core/virtualClock.js';
import { createInstance } from '../../../src/service/createInstance.js';
import {
  authenticateApiKey,
  createApiKey,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
} from '../../../src/service/credentials/apiKeys.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { testIds } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: REST API keys`, () => {
    let t: TestStore;
    let clock: VirtualClock;
    let deps: ServiceDeps;
    let acme: string;
    let globex: string;
    beforeEach(async () => {
      t = await openTestStore(dialect);
      clock = createVirtualClock(T0);
      deps = {
        db: t.db,
        caps: t.caps,
        clock,
        newId: testIds(),
        defaultCountry: 'CN',
        defaultTimeZone: 'Asia/Shanghai',
      };
      acme = (await createInstance(deps, { name: 'acme' })).id;
      globex = (await createInstance(deps, { name: 'globex' })).id;
    });
    afterEach(() => t.drop());

    it('issues a token that authenticates as its instance, and stores only a hash of it', async () => {
      const { key, token } = await createApiKey(deps, { instanceId: acme, name: 'crm' });
      expect(token).toMatch(/^odk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      expect(token.split('_')[1]).toBe(key.id);
      expect(key).toEqual({ id: key.id, instanceId: acme, name: 'crm', createdAt: T0, revokedAt: null });
      expect(await authenticateApiKey(deps, token)).toEqual({ keyId: key.id, instanceId: acme });

      const row = await t.db.selectFrom('api_key').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow();
      const secret = token.slice(`odk_${key.id}_`.length);
      expect(JSON.stringify(row)).not.toContain(secret);
    });

    it('issues operator keys (no instance) and names keys "default" unless told', async () => {
      const { key, token } = await createApiKey(deps, { instanceId: null });
      expect(key.instanceId).toBeNull();
      expect(key.name).toBe('default');
      expect(await authenticateApiKey(deps, token)).toEqual({ keyId: key.id, instanceId: null });
    });

    it('refuses a key for a missing instance, or a blank name', async () => {
      const missing = await rejection(createApiKey(deps, { instanceId: 'nope' }));
      expect(missing.code).toBe('INSTANCE_NOT_FOUND');
      expect(missing.details.field).toBe('instanceId');
      const blank = await rejection(createApiKey(deps, { instanceId: acme, name: '  ' }));
      expect(blank.code).toBe('VALIDATION_FAILED');
      expect(blank.details.field).toBe('name');
      expect(await t.db.selectFrom('api_key').select('id').execute()).toEqual([]);
    });

    it('answers null alike for a wrong secret, a malformed token, an unknown key and a revoked key', async () => {
      const { key, token } = await createApiKey(deps, { instanceId: acme });
      const secret = token.slice(`odk_${key.id}_`.length);
      const otherSecret = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
      for (const bad of [
        `odk_${key.id}_${otherSecret}`,
        `odk_${'0'.repeat(16)}_${secret}`,
        token.slice(0, -1),
        `${token}x`,
        `odk_${key.id}`,
        key.id,
        '',
        `Bearer ${token}`,
        token.toUpperCase(),
      ]) {
        expect(await authenticateApiKey(deps, bad)).toBeNull();
      }
      await revokeApiKey(deps, { instanceId: acme }, key.id);
      expect(await authenticateApiKey(deps, token)).toBeNull();
    });

    it("lists a scope's keys oldest first, revoked ones included, and nothing of other scopes", async () => {
      const a1 = await createApiKey(deps, { instanceId: acme, name: 'one' });
      await clock.advanceBy(1000);
      const a2 = await createApiKey(deps, { instanceId: acme, name: 'two' });
      await createApiKey(deps, { instanceId: globex });
      const op = await createApiKey(deps, { instanceId: null });
      await revokeApiKey(deps, { instanceId: acme }, a1.key.id);

      const listed = await listApiKeys(deps, { instanceId: acme });
      expect(listed.map((k) => [k.name, k.revokedAt])).toEqual([
        ['one', T0 + 1000],
        ['two', null],
      ]);
      expect(listed[1]?.id).toBe(a2.key.id);
      expect((await listApiKeys(deps, { instanceId: null })).map((k) => k.id)).toEqual([op.key.id]);
      expect(await listApiKeys(deps, { instanceId: 'nope' })).toEqual([]);
    });

    it('keeps the first revocation time when revoked twice', async () => {
      const { key } = await createApiKey(deps, { instanceId: acme });
      expect((await revokeApiKey(deps, { instanceId: acme }, key.id)).revokedAt).toBe(T0);
      await clock.advanceBy(60_000);
      expect((await revokeApiKey(deps, { instanceId: acme }, key.id)).revokedAt).toBe(T0);
    });

    it("cannot revoke or rotate another scope's key: it looks missing", async () => {
      const { key, token } = await createApiKey(deps, { instanceId: acme });
      const op = await createApiKey(deps, { instanceId: null });
      for (const [scope, id] of [
        [{ instanceId: globex }, key.id],
        [{ instanceId: null }, key.id],
        [{ instanceId: acme }, op.key.id],
        [{ instanceId: acme }, 'no-such-key'],
      ] as const) {
        for (const e of [
          await rejection(revokeApiKey(deps, scope, id)),
          await rejection(rotateApiKey(deps, scope, id)),
        ]) {
          expect(e.code).toBe('API_KEY_NOT_FOUND');
          expect(e.details.field).toBe('id');
        }
      }
      expect(await authenticateApiKey(deps, token)).not.toBeNull();
      expect(await authenticateApiKey(deps, op.token)).not.toBeNull();
      expect(await t.db.selectFrom('api_key').select('id').execute()).toHaveLength(2);
    });

    it('rotates: the old token stops working, the new one works with the same instance and name', async () => {
      const old = await createApiKey(deps, { instanceId: acme, name: 'crm' });
      await clock.advanceBy(5000);
      const fresh = await rotateApiKey(deps, { instanceId: acme }, old.key.id);
      expect(fresh.key).toMatchObject({ instanceId: acme, name: 'crm', createdAt: T0 + 5000, revokedAt: null });
      expect(fresh.key.id).not.toBe(old.key.id);
      expect(await authenticateApiKey(deps, old.token)).toBeNull();
      expect(await authenticateApiKey(deps, fresh.token)).toEqual({ keyId: fresh.key.id, instanceId: acme });
      expect((await listApiKeys(deps, { instanceId: acme })).map((k) => [k.id, k.revokedAt])).toEqual([
        [old.key.id, T0 + 5000],
        [fresh.key.id, null],
      ]);
    });

    it('refuses to rotate a revoked key, and two rotations of one key at once yield one new key', async () => {
      const old = await createApiKey(deps, { instanceId: acme });
      const results = await Promise.allSettled([
        rotateApiKey(deps, { instanceId: acme }, old.key.id),
        rotateApiKey(deps, { instanceId: acme }, old.key.id),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((refused.reason as OutdialError).code).toBe('ILLEGAL_TRANSITION');
      expect(await listApiKeys(deps, { instanceId: acme })).toHaveLength(2);
    });
  });
}
