import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailureReason, JobStatus } from '../../../src/core/enums.js';
import { failJobsTimeUp } from '../../../src/store/jobs/failJobsTimeUp.js';
import { insertJobRows, jobRow, MINUTE, readJob, readJobs, seedJobGroup, T0 } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const NOW = T0 + 90 * MINUTE;

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: failJobsTimeUp`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(dialect);
    });
    afterAll(() => t.drop());

    it("fails the group's waiting and paused jobs TimeUp, leaving running, finished, own-strategy and other groups' jobs", async () => {
      const g = await seedJobGroup(t);
      const other = await seedJobGroup(t);
      const p = g.jobGroupId;
      await insertJobRows(t, [
        jobRow(g, { id: `${p}-waiting`, next_attempt_at: T0 + 200 * MINUTE }),
        jobRow(g, { id: `${p}-paused`, status: JobStatus.Paused, version: 2 }),
        jobRow(g, { id: `${p}-running`, status: JobStatus.Executing }),
        jobRow(g, { id: `${p}-done`, status: JobStatus.Succeeded, finished_at: T0 }),
        jobRow(g, { id: `${p}-own-strategy`, strategy: JSON.stringify({ repeatBy: 'immediate' }) }),
        jobRow(other, { id: `${p}-other-group` }),
      ]);
      const before = new Map([...(await readJobs(t, p)), await readJob(t, `${p}-other-group`)].map((j) => [j.id, j]));

      expect(await failJobsTimeUp(t.db, p, NOW)).toBe(2);

      const timeUp = { status: JobStatus.Failed, failure_reason: FailureReason.TimeUp, next_attempt_at: null };
      const stamped = { finished_at: NOW, updated_at: NOW };
      expect(await readJob(t, `${p}-waiting`)).toMatchObject({ ...timeUp, ...stamped, version: 1 });
      expect(await readJob(t, `${p}-paused`)).toMatchObject({ ...timeUp, ...stamped, version: 3 });
      for (const id of ['running', 'done', 'own-strategy', 'other-group'].map((s) => `${p}-${s}`)) {
        expect(await readJob(t, id)).toEqual(before.get(id));
      }
      // A second pass finds nothing left to fail.
      expect(await failJobsTimeUp(t.db, p, NOW + MINUTE)).toBe(0);
    });
  });
}
