import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobStatus } from '../../../src/core/enums.js';
import { nextDueAt } from '../../../src/store/jobs/nextDueAt.js';
import { insertJobRows, jobRow, MINUTE, seedJobGroup, T0 } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: nextDueAt`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(dialect);
    });
    afterAll(() => t.drop());

    it('is null when no job of the group waits', async () => {
      const g = await seedJobGroup(t);
      expect(await nextDueAt(t.db, g.jobGroupId)).toBeNull();
      await insertJobRows(t, [
        jobRow(g, { id: `${g.jobGroupId}-running`, status: JobStatus.Executing }),
        jobRow(g, { id: `${g.jobGroupId}-unplanned`, next_attempt_at: null }),
      ]);
      expect(await nextDueAt(t.db, g.jobGroupId)).toBeNull();
    });

    it("is the earliest planned attempt among the group's waiting jobs, as a number", async () => {
      const g = await seedJobGroup(t);
      const other = await seedJobGroup(t);
      const p = g.jobGroupId;
      await insertJobRows(t, [
        jobRow(g, { id: `${p}-later`, next_attempt_at: T0 + 30 * MINUTE }),
        jobRow(g, { id: `${p}-soon`, next_attempt_at: T0 + 10 * MINUTE }),
        jobRow(g, { id: `${p}-unplanned`, next_attempt_at: null }),
        // Earlier, but not waiting, or not this group's.
        jobRow(g, { id: `${p}-paused`, status: JobStatus.Paused, next_attempt_at: T0 }),
        jobRow(g, { id: `${p}-running`, status: JobStatus.Executing, next_attempt_at: T0 }),
        jobRow(other, { id: `${p}-other`, next_attempt_at: T0 }),
      ]);
      // PostgreSQL returns bigint as text unless parsed: toBe checks the type too.
      expect(await nextDueAt(t.db, p)).toBe(T0 + 10 * MINUTE);
    });
  });
}
