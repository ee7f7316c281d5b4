import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../../src/core/clock.js';
import { FailureReason, JobStatus, TaskStatus } from '../../../src/core/enums.js';
import type { JobEvent } from '../../../src/core/events.js';
import { assignJobs } from '../../../src/service/assignJobs.js';
import { createJobGroup } from '../../../src/service/createJobGroup.js';
import { changeJobs } from '../../../src/service/jobs/index.js';
import type { JobRow, TaskRow } from '../../../src/store/schema.js';
import { type CampaignSetup, setUpCampaign } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

// Monday 2026-01-05 10:00 in Shanghai.
const MONDAY_10AM = DateTime.fromISO('2026-01-05T10:00:00', { zone: 'Asia/Shanghai' }).toMillis();

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: stopping calls to a contact (ContactSuspended)`, () => {
    let t: TestStore;
    let c: CampaignSetup;
    beforeEach(async () => {
      t = await openTestStore(dialect);
    });
    afterEach(async () => {
      await c?.engine.stop({ drainMs: 0 });
      await t.drop();
    });

    const job = (id: string): Promise<JobRow> =>
      t.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const tasksOf = (jobId: string): Promise<TaskRow[]> =>
      t.db.selectFrom('task').selectAll().where('job_id', '=', jobId).orderBy('attempt').execute();
    const completions = async (jobId: string) =>
      (
        await t.db
          .selectFrom('event')
          .selectAll()
          .where('job_id', '=', jobId)
          .where('type', '=', 'JobComplete')
          .execute()
      ).map((r) => JSON.parse(r.data) as JobEvent);
    async function runFor(ms: number): Promise<void> {
      const until = c.clock.now() + ms;
      c.engine.start();
      for (;;) {
        await c.engine.whenIdle();
        const next = c.clock.nextTimerAt();
        if (next === undefined || next > until) return;
        c.clock.fireNext();
      }
    }

    it('ends the job ContactSuspended at once, lets a running call finish, and blocks the number for every group', async () => {
      c = await setUpCampaign(t, {
        start: MONDAY_10AM,
        phones: ['13800000001', '13800000002'],
        // One attempt each: the stopped job's running call is its last, whose outcome would end it NoAnswer.
        group: { strategy: { maxAttemptsPerDay: 1 } },
        sim: { rules: [{ pattern: '+86*', outcomes: [{ status: 'NoAnswer', ringMs: 20_000 }] }] },
      });
      const [stopped, other] = c.jobIds as [string, string];
      c.engine.start();
      await c.engine.whenIdle();
      expect((await tasksOf(stopped)).map((x) => x.status)).toEqual([TaskStatus.Executing]);

      const change = { instanceId: c.instanceId, command: 'stop-calling' as const, jobIds: [stopped] };
      expect(await changeJobs(c.deps, { ...change, blockNumbers: true })).toEqual({ matched: 1, changed: 1 });
      const at = c.clock.now();
      expect(await job(stopped)).toMatchObject({
        status: JobStatus.Failed,
        failure_reason: FailureReason.ContactSuspended,
        next_attempt_at: null,
        finished_at: at,
      });
      expect((await completions(stopped)).map((e) => [e.job.status, e.job.failureReason])).toEqual([
        [JobStatus.Failed, FailureReason.ContactSuspended],
      ]);
      expect(await changeJobs(c.deps, change)).toEqual({ matched: 1, changed: 0 });

      await runFor(2 * HOUR);
      // The call in flight ended and was recorded; the job stayed as stopped, completed once, never redialled.
      expect((await tasksOf(stopped)).map((x) => x.status)).toEqual([TaskStatus.NoAnswer]);
      expect(await job(stopped)).toMatchObject({
        status: JobStatus.Failed,
        failure_reason: FailureReason.ContactSuspended,
      });
      expect(await completions(stopped)).toHaveLength(1);
      expect(await job(other)).toMatchObject({ status: JobStatus.Failed, failure_reason: FailureReason.NoAnswer });

      // Another job group of the instance with both numbers: the stopped contact's number is blocked.
      const second = await createJobGroup(c.deps, {
        instanceId: c.instanceId,
        name: 'second',
        lineGroupIds: c.lineGroupIds,
      });
      const [blocked, dialled] = (
        await assignJobs(c.deps, {
          jobGroupId: second.id,
          jobs: [
            { contacts: [{ phoneNumber: '13800000001', referenceId: 'b1' }] },
            { contacts: [{ phoneNumber: '13800000002', referenceId: 'b2' }] },
          ],
        })
      ).jobIds as [string, string];
      c.engine.wake();
      await runFor(HOUR);
      expect(await tasksOf(blocked)).toEqual([]);
      expect(await job(blocked)).toMatchObject({
        status: JobStatus.Failed,
        failure_reason: FailureReason.ContactBlockList,
      });
      expect((await tasksOf(dialled)).length).toBeGreaterThan(0);
    });

    it('refuses blockNumbers on other commands or when not a boolean', async () => {
      c = await setUpCampaign(t, { start: MONDAY_10AM, phones: ['13800000001'] });
      const base = { instanceId: c.instanceId, jobIds: c.jobIds };
      for (const bad of [
        { ...base, command: 'cancel' as const, blockNumbers: true },
        { ...base, command: 'stop-calling' as const, blockNumbers: 'yes' as unknown as boolean },
      ]) {
        expect(await rejection(changeJobs(c.deps, bad))).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: { field: 'blockNumbers' },
        });
      }
      expect((await job(c.jobIds[0] as string)).status).toBe(JobStatus.Scheduling);
    });
  });
}
