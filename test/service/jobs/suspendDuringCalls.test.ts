import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/core/clock.js';
import { isTerminalJobStatus, JobStatus, TaskStatus } from '../../../src/core/enums.js';
import { changeJobs, type JobCommand } from '../../../src/service/jobs/index.js';
import { getJobGroup } from '../../../src/store/jobGroups/getJobGroup.js';
import type { JobRow, TaskRow } from '../../../src/store/schema.js';
import { type CampaignSetup, setUpCampaign } from '../../support/campaign.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

// Monday 2026-01-05 10:00 in Shanghai.
const MONDAY_10AM = DateTime.fromISO('2026-01-05T10:00:00', { zone: 'Asia/Shanghai' }).toMillis();
/** Three attempts a day, a minute apart, dialled at once. */
const RETRYING = { maxAttemptsPerDay: 3, minAttemptInterval: 1 };

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: suspending and resuming jobs while the engine dials`, () => {
    let t: TestStore;
    let c: CampaignSetup;
    let tickErrors: unknown[];
    beforeEach(async () => {
      t = await openTestStore(dialect);
      tickErrors = [];
    });
    afterEach(async () => {
      await c?.engine.stop({ drainMs: 0 });
      await t.drop();
    });

    async function campaign(o: Parameters<typeof setUpCampaign>[1]) {
      c = await setUpCampaign(t, o);
      c.deps = { ...c.deps, wake: () => c.engine.wake() };
      c.engine.events.on('engine:tick:error', (e) => tickErrors.push(e.error));
      return c;
    }
    const command = (command: JobCommand, jobIds: string[]) =>
      changeJobs(c.deps, { instanceId: c.instanceId, command, jobIds });
    const job = (id: string): Promise<JobRow> =>
      t.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const tasksOf = (jobId: string): Promise<TaskRow[]> =>
      t.db.selectFrom('task').selectAll().where('job_id', '=', jobId).orderBy('attempt').execute();
    const groupStatus = async () => (await getJobGroup(t.db, c.jobGroupId))?.status;

    /** Runs the engine on the virtual clock until `done` holds or the next thing to happen lies past `until`. */
    async function runUntil(done: () => Promise<boolean>, until: number): Promise<boolean> {
      c.engine.start();
      for (;;) {
        await c.engine.whenIdle();
        if (await done()) return true;
        const next = c.clock.nextTimerAt();
        if (next === undefined || next > until) return false;
        c.clock.fireNext();
      }
    }
    const completed = async () => (await groupStatus()) === 'Completed';

    it('resumes a job suspended mid-call before the outcome is recorded: no second call, attempts 1..n', async () => {
      await campaign({
        start: MONDAY_10AM,
        phones: ['13800000001', '13800000002'],
        group: { strategy: RETRYING },
        sim: { rules: [{ pattern: '+8613800000001', outcomes: ['NoAnswer', 'Busy', 'Succeeded'] }] },
      });
      const target = c.jobIds[0] as string;
      c.engine.start();
      await c.engine.whenIdle();
      expect((await tasksOf(target)).map((x) => x.status)).toEqual([TaskStatus.Executing]);

      expect(await command('suspend', [target])).toEqual({ matched: 1, changed: 1 });
      expect((await job(target)).status).toBe(JobStatus.Paused);
      expect(await command('resume', [target])).toEqual({ matched: 1, changed: 1 });
      // Its call still runs: back to Executing, not claimable again.
      expect((await job(target)).status).toBe(JobStatus.Executing);

      expect(await runUntil(completed, MONDAY_10AM + HOUR)).toBe(true);
      expect(tickErrors).toEqual([]);
      const tasks = await tasksOf(target);
      expect(tasks.map((x) => [x.attempt, x.status])).toEqual([
        [1, TaskStatus.NoAnswer],
        [2, TaskStatus.Busy],
        [3, TaskStatus.Succeeded],
      ]);
      expect(await job(target)).toMatchObject({ status: JobStatus.Succeeded, attempts: 3 });
      expect(isTerminalJobStatus((await job(c.jobIds[1] as string)).status as JobStatus)).toBe(true);
    });

    it('applies an outcome recorded while the job was suspended when it is resumed', async () => {
      await campaign({
        start: MONDAY_10AM,
        phones: ['13800000001', '13800000002'],
        group: { strategy: RETRYING },
        sim: {
          rules: [
            { pattern: '+8613800000001', outcomes: ['Succeeded'] },
            { pattern: '+8613800000002', outcomes: [{ status: 'NoAnswer', ringMs: 10_000 }, 'Succeeded'] },
          ],
        },
      });
      const [answered, unanswered] = c.jobIds as [string, string];
      c.engine.start();
      await c.engine.whenIdle();
      expect(await command('suspend', c.jobIds)).toEqual({ matched: 2, changed: 2 });
      const recorded = async () => (await Promise.all(c.jobIds.map(job))).every((j) => j.attempts === 1);
      expect(await runUntil(recorded, MONDAY_10AM + HOUR)).toBe(true);
      // The calls ended and were recorded; the jobs stay where the user put them.
      expect((await job(answered)).status).toBe(JobStatus.Paused);
      const waiting = await job(unanswered);
      expect(waiting.status).toBe(JobStatus.Paused);

      expect(await command('resume', c.jobIds)).toEqual({ matched: 2, changed: 2 });
      const at = c.clock.now();
      expect(await job(answered)).toMatchObject({ status: JobStatus.Succeeded, finished_at: at });
      expect(await job(unanswered)).toMatchObject({
        status: JobStatus.Scheduling,
        next_attempt_at: Math.max(at, (waiting.last_ended_at as number) + MINUTE),
      });

      expect(await runUntil(completed, MONDAY_10AM + HOUR)).toBe(true);
      expect(tickErrors).toEqual([]);
      expect((await tasksOf(answered)).map((x) => x.attempt)).toEqual([1]);
      expect((await tasksOf(unanswered)).map((x) => [x.attempt, x.status])).toEqual([
        [1, TaskStatus.NoAnswer],
        [2, TaskStatus.Succeeded],
      ]);
      expect((await job(unanswered)).status).toBe(JobStatus.Succeeded);
    });

    it('never dials a suspended job while the clock runs, and dials it once resumed', async () => {
      await campaign({
        start: MONDAY_10AM,
        phones: ['13800000001', '13800000002'],
        group: { strategy: RETRYING },
        sim: { rules: [{ pattern: '+86*', outcomes: ['NoAnswer', 'Succeeded'] }] },
      });
      const [dialled, held] = c.jobIds as [string, string];
      expect(await command('suspend', [held])).toEqual({ matched: 1, changed: 1 });
      const dialledEnded = async () => isTerminalJobStatus((await job(dialled)).status as JobStatus);
      expect(await runUntil(dialledEnded, MONDAY_10AM + HOUR)).toBe(true);
      // Two more hours of the engine running: the suspended job is left alone and keeps the group open.
      expect(await runUntil(async () => false, MONDAY_10AM + 3 * HOUR)).toBe(false);
      expect((await tasksOf(dialled)).length).toBe(2);
      expect(await tasksOf(held)).toEqual([]);
      expect(await job(held)).toMatchObject({ status: JobStatus.Paused, attempts: 0 });
      expect(await groupStatus()).not.toBe('Completed');

      expect(await command('resume', [held])).toEqual({ matched: 1, changed: 1 });
      expect(await runUntil(completed, MONDAY_10AM + 4 * HOUR)).toBe(true);
      expect(tickErrors).toEqual([]);
      expect((await tasksOf(held)).map((x) => [x.attempt, x.status])).toEqual([
        [1, TaskStatus.NoAnswer],
        [2, TaskStatus.Succeeded],
      ]);
    });
  });
}
