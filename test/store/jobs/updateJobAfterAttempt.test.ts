import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailureReason, JobStatus } from '../../../src/core/enums.js';
import { type JobAfterAttempt, updateJobAfterAttempt } from '../../../src/store/jobs/updateJobAfterAttempt.js';
import type { NewJobRow } from '../../../src/store/schema.js';
import { insertJobRows, jobRow, MINUTE, readJob, type SeededGroup, seedJobGroup, T0 } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const ENDED = T0 + 2 * MINUTE;
const history = { attempts: 3, dayKey: '2026-01-05', dayAttempts: 2, lastEndedAt: ENDED };
const recorded = { attempts: 3, day_key: '2026-01-05', day_attempts: 2, last_ended_at: ENDED };

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: updateJobAfterAttempt`, () => {
    let t: TestStore;
    let g: SeededGroup;
    beforeAll(async () => {
      t = await openTestStore(dialect);
      g = await seedJobGroup(t);
    });
    afterAll(() => t.drop());

    let n = 0;
    async function job(status: JobStatus, o: Partial<NewJobRow> = {}) {
      const id = `${g.jobGroupId}-${n++}`;
      await insertJobRows(t, [jobRow(g, { attempts: 2, day_attempts: 1, version: 5, ...o, id, status })]);
      return id;
    }
    const update = (jobId: string, o: Partial<JobAfterAttempt>) =>
      updateJobAfterAttempt(t.db, {
        jobId,
        history,
        status: JobStatus.Scheduling,
        failureReason: null,
        nextAttemptAt: T0 + 60 * MINUTE,
        now: ENDED,
        ...o,
      });

    it('reschedules an Executing job and records the attempt', async () => {
      const id = await job(JobStatus.Executing);
      await update(id, {});
      expect(await readJob(t, id)).toMatchObject({
        ...recorded,
        status: JobStatus.Scheduling,
        failure_reason: null,
        next_attempt_at: T0 + 60 * MINUTE,
        finished_at: null,
        updated_at: ENDED,
        version: 6,
      });
    });

    it('finishes an Executing job as Succeeded or Failed, stamping finished_at', async () => {
      const won = await job(JobStatus.Executing);
      await update(won, { status: JobStatus.Succeeded, nextAttemptAt: null });
      expect(await readJob(t, won)).toMatchObject({
        ...recorded,
        status: JobStatus.Succeeded,
        next_attempt_at: null,
        finished_at: ENDED,
      });

      const lost = await job(JobStatus.Executing);
      await update(lost, { status: JobStatus.Failed, failureReason: FailureReason.NoAnswer, nextAttemptAt: null });
      expect(await readJob(t, lost)).toMatchObject({
        ...recorded,
        status: JobStatus.Failed,
        failure_reason: FailureReason.NoAnswer,
        next_attempt_at: null,
        finished_at: ENDED,
      });
    });

    it('keeps a job cancelled while its call ran Cancelled, but still records the attempt', async () => {
      const id = await job(JobStatus.Cancelled, { next_attempt_at: null, finished_at: T0 + MINUTE });
      await update(id, { status: JobStatus.Failed, failureReason: FailureReason.NoAnswer, nextAttemptAt: null });
      expect(await readJob(t, id)).toMatchObject({
        ...recorded,
        status: JobStatus.Cancelled,
        failure_reason: null,
        next_attempt_at: null,
        finished_at: T0 + MINUTE,
        updated_at: ENDED,
        version: 6,
      });
    });

    it('keeps a job paused while its call ran Paused, but still records the attempt', async () => {
      const id = await job(JobStatus.Paused, { next_attempt_at: T0 });
      await update(id, { status: JobStatus.Scheduling, nextAttemptAt: T0 + 60 * MINUTE });
      expect(await readJob(t, id)).toMatchObject({
        ...recorded,
        status: JobStatus.Paused,
        failure_reason: null,
        next_attempt_at: T0,
        finished_at: null,
      });
      const done = await job(JobStatus.Paused);
      await update(done, { status: JobStatus.Succeeded, nextAttemptAt: null });
      expect(await readJob(t, done)).toMatchObject({ ...recorded, status: JobStatus.Paused, finished_at: null });
    });

    it('touches no other job', async () => {
      const target = await job(JobStatus.Executing);
      const bystander = await job(JobStatus.Executing);
      const before = await readJob(t, bystander);
      await update(target, { status: JobStatus.Succeeded, nextAttemptAt: null });
      expect(await readJob(t, bystander)).toEqual(before);
    });
  });
}
