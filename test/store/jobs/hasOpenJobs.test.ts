import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobStatus } from '../../../src/core/enums.js';
import { hasOpenJobs } from '../../../src/store/jobs/hasOpenJobs.js';
import { insertJobRows, jobRow, seedJobGroup } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: hasOpenJobs`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(dialect);
    });
    afterAll(() => t.drop());

    it('is false for a group without jobs, or whose jobs all finished', async () => {
      const g = await seedJobGroup(t);
      expect(await hasOpenJobs(t.db, g.jobGroupId)).toBe(false);
      await insertJobRows(
        t,
        [JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled].map((status, i) =>
          jobRow(g, { id: `${g.jobGroupId}-${i}`, status }),
        ),
      );
      expect(await hasOpenJobs(t.db, g.jobGroupId)).toBe(false);
    });

    it.each([
      ['Scheduling', JobStatus.Scheduling],
      ['Executing', JobStatus.Executing],
      ['Paused', JobStatus.Paused],
    ])('is true while one job is %s', async (_name, status) => {
      const g = await seedJobGroup(t);
      await insertJobRows(t, [
        jobRow(g, { id: `${g.jobGroupId}-done`, status: JobStatus.Succeeded }),
        jobRow(g, { id: `${g.jobGroupId}-open`, status, next_attempt_at: null }),
      ]);
      expect(await hasOpenJobs(t.db, g.jobGroupId)).toBe(true);
    });

    it("does not count another group's open jobs", async () => {
      const g = await seedJobGroup(t);
      const other = await seedJobGroup(t);
      await insertJobRows(t, [jobRow(other, { id: `${other.jobGroupId}-open` })]);
      expect(await hasOpenJobs(t.db, g.jobGroupId)).toBe(false);
      expect(await hasOpenJobs(t.db, other.jobGroupId)).toBe(true);
    });
  });
}
