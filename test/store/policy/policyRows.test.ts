import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countJobRefusals } from '../../../src/store/policy/countJobRefusals.js';
import { getPolicySettings } from '../../../src/store/policy/getPolicySettings.js';
import { insertRefusals, type PolicyRefusal } from '../../../src/store/policy/insertRefusals.js';
import { listJobRefusals } from '../../../src/store/policy/listJobRefusals.js';
import { putPolicySettings } from '../../../src/store/policy/putPolicySettings.js';
import { T0 } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: policy settings and the refusal audit trail`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(dialect);
      await t.db.insertInto('instance').values({ id: 'inst-a', name: 'a', created_at: T0 }).execute();
    });
    afterAll(() => t.drop());

    it('reads back the settings last written, and null for an instance that wrote none', async () => {
      expect(await getPolicySettings(t.db, 'inst-a')).toBeNull();
      await putPolicySettings(t.db, 'inst-a', { presets: ['cn-carrier'], perJobPerDay: 2 }, T0);
      const replaced = { presets: [], basePeriod: { days: [1, 2], windows: [{ begin: '09:00', end: '12:00' }] } };
      await putPolicySettings(t.db, 'inst-a', replaced, T0 + 1);
      expect(await getPolicySettings(t.db, 'inst-a')).toEqual({ settings: replaced, modifiedAt: T0 + 1 });
    });

    it("lists a job's refusals newest first, page by page", async () => {
      const row = (id: string, at: number, o: Partial<PolicyRefusal> = {}): PolicyRefusal => ({
        id,
        instanceId: 'inst-a',
        jobGroupId: 'g1',
        jobId: 'job-1',
        at,
        verdict: 'defer',
        reason: 'BasePeriod',
        rule: 'base period: 08:00–21:00',
        ...o,
      });
      await insertRefusals(t.db, [
        row('r1', T0),
        row('r2', T0 + 10),
        row('r3', T0 + 10),
        row('r4', T0 + 20, { verdict: 'refuse', reason: 'ContactBlockList', rule: 'block list: +86138*' }),
        row('x1', T0 + 30, { jobId: 'job-2' }),
      ]);
      const first = await listJobRefusals(t.db, 'job-1', { limit: 2 });
      expect(first.map((r) => r.id)).toEqual(['r4', 'r3']);
      expect(first[0]).toEqual(
        row('r4', T0 + 20, { verdict: 'refuse', reason: 'ContactBlockList', rule: 'block list: +86138*' }),
      );
      const last = first[1]!;
      const next = await listJobRefusals(t.db, 'job-1', { limit: 5, before: { createdAt: last.at, id: last.id } });
      expect(next.map((r) => r.id)).toEqual(['r2', 'r1']);
      expect(await countJobRefusals(t.db, 'job-1')).toBe(4);
    });
  });
}
