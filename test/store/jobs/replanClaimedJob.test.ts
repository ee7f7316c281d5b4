import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailureReason, JobStatus } from '../../../src/core/enums.js';
import { replanClaimedJob } from '../../../src/store/jobs/replanClaimedJob.js';
import { insertJobRows, jobRow, MINUTE, readJob, type SeededGroup, seedJobGroup, T0 } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const NOW = T0 + MINUTE;

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: replanClaimedJob`, () => {
    let t: TestStore;
    let g: SeededGroup;
    beforeAll(async () => {
      t = await openTestStore(dialect);
      g = await seedJobGroup(t);
    });
    afterAll(() => t.drop());

    let n = 0;
    async function job(status: JobStatus): Promise<string> {
      const id = `${g.jobGroupId}-${n++}`;
      await insertJobRows(t, [jobRow(g, { id, status, version: 1 })]);
      return id;
    }

    it('gives a claimed job back to Scheduling at its next allowed instant', async () => {
      const id = await job(JobStatus.Executing);
      await replanClaimedJob(t.db, { jobId: id, now: NOW, nextAttemptAt: T0 + 24 * 60 * MINUTE });
      expect(await readJob(t, id)).toMatchObject({
        status: JobStatus.Scheduling,
        failure_reason: null,
        next_attempt_at: T0 + 24 * 60 * MINUTE,
        finished_at: null,
        updated_at: NOW,
        version: 2,
      });
    });

    it('fails a claimed job its strategy allows no attempt for', async () => {
      const id = await job(JobStatus.Executing);
      await replanClaimedJob(t.db, { jobId: id, now: NOW, failureReason: FailureReason.TimeUp });
      expect(await readJob(t, id)).toMatchObject({
        status: JobStatus.Failed,
        failure_reason: FailureReason.TimeUp,
        next_attempt_at: null,
        finished_at: NOW,
        updated_at: NOW,
        version: 2,
      });
    });

    it('leaves a job that is no longer Executing (cancelled meanwhile) as it is', async () => {
      const id = await job(JobStatus.Cancelled);
      const before = await readJob(t, id);
      await replanClaimedJob(t.db, { jobId: id, now: NOW, nextAttemptAt: NOW + MINUTE });
      await replanClaimedJob(t.db, { jobId: id, now: NOW, failureReason: FailureReason.TimeUp });
      expect(await readJob(t, id)).toEqual(before);
    });
  });
}
