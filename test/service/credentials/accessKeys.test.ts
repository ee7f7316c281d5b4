import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVirtualClock, type VirtualClock } from '../../../src/core/virtualClock.js';
import { createInstance } from '../../../src/service/createInstance.js';
import {
  createAccessKey,
  findAccessKey,
  listAccessKeys,
  revokeAccessKey,
} from '../../../src/service/credentials/accessKeys.js';
import { createSecretBox, type SecretBox } from '../../../src/service/credentials/secretBox.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { testIds } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: AccessKey pairs`, () => {
    let t: TestStore;
    let clock: VirtualClock;
    let deps: ServiceDeps;
    let box: SecretBox;
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
      box = createSecretBox(randomBytes(32));
      acme = (await createInstance(deps, { name: 'acme' })).id;
      globex = (await createInstance(deps, { name: 'globex' })).id;
    });
    afterEach(() => t.drop());

    const rawRow = (id: string) =>
      t.db.selectFrom('access_key').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('issues an Alibaba-shaped pair whose secret is stored sealed, never in plain text', async () => {
      const { key, accessKeySecret } = await createAccessKey(deps, box, acme);
      expect(key.accessKeyId).toMatch(/^LTAI[A-Za-z0-9]{20}$/);
      expect(accessKeySecret).toMatch(/^[A-Za-z0-9]{30}$/);
      expect(key).toEqual({ accessKeyId: key.accessKeyId, instanceId: acme, createdAt: T0, revokedAt: null });

      const row = await rawRow(key.accessKeyId);
      expect(JSON.stringify(row)).not.toContain(accessKeySecret);
      expect(row.secret_sealed).toMatch(/^v1:/);
      expect(box.open(row.secret_sealed)).toBe(accessKeySecret);

      expect(await findAccessKey(deps, box, key.accessKeyId)).toEqual({
        instanceId: acme,
        secret: accessKeySecret,
        revoked: false,
      });
      expect(await findAccessKey(deps, box, 'LTAI00000000000000000000')).toBeUndefined();
    });

    it('issues different pairs each time', async () => {
      const a = await createAccessKey(deps, box, acme);
      const b = await createAccessKey(deps, box, acme);
      expect(a.key.accessKeyId).not.toBe(b.key.accessKeyId);
      expect(a.accessKeySecret).not.toBe(b.accessKeySecret);
    });

    it('refuses a pair for a missing instance', async () => {
      const e = await rejection(createAccessKey(deps, box, 'nope'));
      expect(e.code).toBe('INSTANCE_NOT_FOUND');
      expect(e.details.field).toBe('instanceId');
    });

    it("lists an instance's pairs oldest first without secrets, and only its own", async () => {
      const a1 = await createAccessKey(deps, box, acme);
      await clock.advanceBy(1000);
      const a2 = await createAccessKey(deps, box, acme);
      await createAccessKey(deps, box, globex);
      const listed = await listAccessKeys(deps, acme);
      expect(listed.map((k) => k.accessKeyId)).toEqual([a1.key.accessKeyId, a2.key.accessKeyId]);
      expect(JSON.stringify(listed)).not.toContain(a1.accessKeySecret);
    });

    it("cannot revoke another instance's pair: it looks missing", async () => {
      const { key } = await createAccessKey(deps, box, acme);
      for (const [instanceId, id] of [
        [globex, key.accessKeyId],
        [acme, 'LTAI00000000000000000000'],
      ] as const) {
        const e = await rejection(revokeAccessKey(deps, instanceId, id));
        expect(e.code).toBe('ACCESS_KEY_NOT_FOUND');
        expect(e.details.field).toBe('accessKeyId');
      }
      expect((await rawRow(key.accessKeyId)).revoked_at).toBeNull();
    });

    it('shows a revocation made here at once, and keeps the first revocation time', async () => {
      const { key } = await createAccessKey(deps, box, acme);
      expect((await findAccessKey(deps, box, key.accessKeyId))?.revoked).toBe(false);
      expect((await revokeAccessKey(deps, acme, key.accessKeyId)).revokedAt).toBe(T0);
      expect((await findAccessKey(deps, box, key.accessKeyId))?.revoked).toBe(true);
      await clock.advanceBy(1000);
      expect((await revokeAccessKey(deps, acme, key.accessKeyId)).revokedAt).toBe(T0);
    });

    it('shows a revocation made by another process within 5 s', async () => {
      const { key } = await createAccessKey(deps, box, acme);
      expect((await findAccessKey(deps, box, key.accessKeyId))?.revoked).toBe(false);
      // Another server on the same database revokes it: only the row changes.
      await t.db.updateTable('access_key').set({ revoked_at: T0 }).where('id', '=', key.accessKeyId).execute();
      await clock.advanceBy(4_999);
      expect((await findAccessKey(deps, box, key.accessKeyId))?.revoked).toBe(false);
      await clock.advanceBy(1);
      expect((await findAccessKey(deps, box, key.accessKeyId))?.revoked).toBe(true);
    });

    it('fails with INTERNAL, not a wrong answer, when the server key has changed', async () => {
      const { key } = await createAccessKey(deps, box, acme);
      const e = await rejection(findAccessKey(deps, createSecretBox(randomBytes(32)), key.accessKeyId));
      expect(e.code).toBe('INTERNAL');
    });
  });
}
