import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJobGroup } from '../../../src/store/jobGroups/getJobGroup.js';
import { updateJobGroupStatus } from '../../../src/store/jobGroups/updateJobGroupStatus.js';
import { MINUTE, seedJobGroup, T0 } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: updateJobGroupStatus`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(dialect);
    });
    afterAll(() => t.drop());

    it('moves a group that is in an expected status, bumping its version', async () => {
      const g = await seedJobGroup(t);
      const change = { id: g.jobGroupId, from: ['Draft', 'Completed'] as const, to: 'Scheduling' as const };
      expect(await updateJobGroupStatus(t.db, { ...change, now: T0 + MINUTE })).toBe(true);
      expect(await getJobGroup(t.db, g.jobGroupId)).toMatchObject({
        status: 'Scheduling',
        modifiedAt: T0 + MINUTE,
        createdAt: T0,
        version: 1,
      });
    });

    it('returns false and changes nothing when the group is not in an expected status', async () => {
      const g = await seedJobGroup(t);
      await updateJobGroupStatus(t.db, { id: g.jobGroupId, from: ['Draft'], to: 'Cancelled', now: T0 + MINUTE });
      const before = await getJobGroup(t.db, g.jobGroupId);
      // Someone cancelled the group before the scheduler's Scheduling → Executing landed.
      const moved = await updateJobGroupStatus(t.db, {
        id: g.jobGroupId,
        from: ['Scheduling'],
        to: 'Executing',
        now: T0 + 2 * MINUTE,
        startedAt: T0 + 2 * MINUTE,
      });
      expect(moved).toBe(false);
      expect(await getJobGroup(t.db, g.jobGroupId)).toEqual(before);
      expect(
        await updateJobGroupStatus(t.db, { id: 'no-such-group', from: ['Draft'], to: 'Scheduling', now: T0 }),
      ).toBe(false);
    });

    it('of two racing changes from the same status, exactly one wins', async () => {
      const g = await seedJobGroup(t);
      const results = await Promise.all(
        (['Cancelled', 'Scheduling'] as const).map((to) =>
          t.db
            .transaction()
            .execute((trx) => updateJobGroupStatus(trx, { id: g.jobGroupId, from: ['Draft'], to, now: T0 + MINUTE })),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await getJobGroup(t.db, g.jobGroupId))?.version).toBe(1);
    });

    it('keeps the first start time and sets or clears the finish time', async () => {
      const g = await seedJobGroup(t);
      const id = g.jobGroupId;
      await updateJobGroupStatus(t.db, { id, from: ['Draft'], to: 'Scheduling', now: T0 });
      await updateJobGroupStatus(t.db, { id, from: ['Scheduling'], to: 'Executing', now: T0 + 1, startedAt: T0 + 1 });
      await updateJobGroupStatus(t.db, {
        id,
        from: ['Executing'],
        to: 'Completed',
        now: T0 + 2,
        finishedAt: T0 + 2,
      });
      expect(await getJobGroup(t.db, id)).toMatchObject({ status: 'Completed', startedAt: T0 + 1, finishedAt: T0 + 2 });

      // New jobs reopen it; the second start keeps the first start time, the finish time is cleared.
      await updateJobGroupStatus(t.db, { id, from: ['Completed'], to: 'Scheduling', now: T0 + 3, finishedAt: null });
      await updateJobGroupStatus(t.db, { id, from: ['Scheduling'], to: 'Executing', now: T0 + 4, startedAt: T0 + 4 });
      expect(await getJobGroup(t.db, id)).toMatchObject({
        status: 'Executing',
        startedAt: T0 + 1,
        finishedAt: null,
        modifiedAt: T0 + 4,
        version: 5,
      });
    });
  });
}
