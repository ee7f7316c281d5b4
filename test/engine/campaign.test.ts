import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../src/core/clock.js';
import { FailureReason, JobStatus, TaskStatus } from '../../src/core/enums.js';
import { runVirtualCampaign } from '../../src/engine/runVirtualCampaign.js';
import { getJobGroup } from '../../src/store/jobGroups/getJobGroup.js';
import type { TaskRow } from '../../src/store/schema.js';
import { setUpCampaign } from '../support/campaign.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/testStore.js';

const ZONE = 'Asia/Shanghai';
// Monday 2026-01-05 08:00 in Shanghai.
const MONDAY_8AM = DateTime.fromISO('2026-01-05T08:00:00', { zone: ZONE }).toMillis();
const mobiles = (n: number, prefix = '138') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(10_000_000 + i).padStart(8, '0')}`);

async function runToCompletion(c: Awaited<ReturnType<typeof setUpCampaign>>, days = 30) {
  let completed = false;
  c.engine.events.on('engine:group:completed', (e) => {
    if (e.jobGroupId === c.jobGroupId) completed = true;
  });
  return runVirtualCampaign({
    engine: c.engine,
    clock: c.clock,
    isDone: () => completed,
    until: c.clock.now() + days * DAY,
  });
}

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: a campaign on the engine`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(dialect);
    });
    afterEach(() => t.drop());

    const tasksOf = (jobGroupId: string): Promise<TaskRow[]> =>
      t.db.selectFrom('task').selectAll().where('job_group_id', '=', jobGroupId).orderBy('actual_time').execute();

    it('dials every job inside the windows and weekdays, retries unanswered ones by the strategy, and completes', async () => {
      const strategy = {
        maxAttemptsPerDay: 2,
        minAttemptInterval: 30,
        RepeatBy: 'week',
        RepeatDays: [1, 2, 3, 4, 5],
        workingTime: [
          { beginTime: '09:00:00', endTime: '12:00:00' },
          { beginTime: '14:00:00', endTime: '18:00:00' },
        ],
        startTime: MONDAY_8AM,
        endTime: MONDAY_8AM + 7 * DAY,
      };
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: mobiles(60),
        group: { strategy, timeZone: ZONE },
        sim: { profile: 'hard' },
      });
      const run = await runToCompletion(c);
      expect(run.finished).toBe(true);

      const jobs = await t.db.selectFrom('job').selectAll().where('job_group_id', '=', c.jobGroupId).execute();
      expect(jobs.every((j) => [JobStatus.Succeeded, JobStatus.Failed].includes(j.status as never))).toBe(true);
      const tasks = await tasksOf(c.jobGroupId);
      expect(tasks.every((x) => x.status !== TaskStatus.Executing)).toBe(true);
      const perJobDay = new Map<string, number>();
      const byJob = new Map<string, TaskRow[]>();
      for (const task of tasks) {
        const local = DateTime.fromMillis(task.actual_time as number, { zone: ZONE });
        const minutes = local.hour * 60 + local.minute;
        expect(local.weekday).toBeLessThanOrEqual(5);
        expect((minutes >= 540 && minutes < 720) || (minutes >= 840 && minutes < 1080)).toBe(true);
        const key = `${task.job_id}@${local.toISODate()}`;
        perJobDay.set(key, (perJobDay.get(key) ?? 0) + 1);
        byJob.set(task.job_id, [...(byJob.get(task.job_id) ?? []), task]);
      }
      expect(Math.max(...perJobDay.values())).toBeLessThanOrEqual(2);
      for (const list of byJob.values()) {
        list.forEach((task, i) => {
          expect(task.attempt).toBe(i + 1);
          if (i > 0) {
            const prev = list[i - 1] as TaskRow;
            expect(task.actual_time as number).toBeGreaterThanOrEqual((prev.end_time as number) + 30 * MINUTE);
          }
        });
      }
      for (const job of jobs) {
        const list = byJob.get(job.id) ?? [];
        expect(job.attempts).toBe(list.length);
        const answered = list.some((x) => x.status === TaskStatus.Succeeded);
        expect(job.status === JobStatus.Succeeded).toBe(answered);
        if (job.status === JobStatus.Failed) expect(job.failure_reason).not.toBeNull();
      }
      const group = await getJobGroup(t.db, c.jobGroupId);
      expect(group?.status).toBe('Completed');
      // The group completes the moment its last job ends, not at some later pass.
      const lastEnd = Math.max(...jobs.map((j) => j.finished_at as number));
      expect(group?.finishedAt).toBe(lastEnd);
    });

    it('follows per-number outcomes exactly: retry after no answer, recall stop on an empty number, TimeUp at the end', async () => {
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: ['13800000001', '13800000002', '13800000003', '13800000004'],
        group: {
          timeZone: ZONE,
          strategy: {
            maxAttemptsPerDay: 3,
            minAttemptInterval: 10,
            RepeatBy: 'once',
            startTime: MONDAY_8AM,
            endTime: MONDAY_8AM + 2 * HOUR,
          },
          recallStrategy: { emptyNumberIgnore: true },
        },
        sim: {
          rules: [
            { pattern: '+8613800000001', outcomes: ['NoAnswer', 'Busy', 'Succeeded'] },
            { pattern: '+8613800000002', outcomes: ['EmptyNumber'] },
            { pattern: '+8613800000003', outcomes: ['NoAnswer'] },
            { pattern: '+8613800000004', outcomes: [{ status: 'NoAnswer', ringMs: 3 * HOUR }] },
          ],
        },
      });
      await runToCompletion(c);
      const jobs = await t.db
        .selectFrom('job')
        .selectAll()
        .where('job_group_id', '=', c.jobGroupId)
        .orderBy('reference_id')
        .execute();
      const tasks = await tasksOf(c.jobGroupId);
      const statuses = (jobId: string) => tasks.filter((x) => x.job_id === jobId).map((x) => x.status);
      expect(statuses(jobs[0]!.id)).toEqual([TaskStatus.NoAnswer, TaskStatus.Busy, TaskStatus.Succeeded]);
      expect(jobs[0]!.status).toBe(JobStatus.Succeeded);
      // Each retry leaves exactly minAttemptInterval after the unanswered attempt ended, and no later.
      const first = tasks.filter((x) => x.job_id === jobs[0]!.id);
      for (let i = 1; i < first.length; i++) {
        expect(first[i]!.actual_time).toBe((first[i - 1]!.end_time as number) + 10 * MINUTE);
        expect(first[i]!.planned_time).toBe(first[i]!.actual_time);
      }
      expect(statuses(jobs[1]!.id)).toEqual([TaskStatus.EmptyNumber]);
      expect(jobs[1]!).toMatchObject({ status: JobStatus.Failed, failure_reason: FailureReason.EmptyNumber });
      expect(statuses(jobs[2]!.id)).toEqual([TaskStatus.NoAnswer, TaskStatus.NoAnswer, TaskStatus.NoAnswer]);
      // The day's attempts are spent and the next day is past endTime: TimeUp, as the vendor reports it.
      expect(jobs[2]!).toMatchObject({ status: JobStatus.Failed, failure_reason: FailureReason.TimeUp });
      // Rings out at RingingDuration (25 s), not at the 3 h the callee would wait.
      const ringOut = tasks.find((x) => x.job_id === jobs[3]!.id)!;
      expect((ringOut.end_time as number) - (ringOut.actual_time as number)).toBeLessThanOrEqual(25_000);
      expect(jobs[3]!.attempts).toBe(3);
    });

    it('fails a call over to the next line group when its line fails, without spending an attempt', async () => {
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: mobiles(10),
        lineGroups: [
          { callingNumbers: ['02100000001'], lineCapacity: 10 },
          { callingNumbers: ['02100000002'], lineCapacity: 10 },
        ],
        sim: { profile: 'reliable' },
      });
      c.telephony.setLineDown(c.lineGroupIds[0]!, true);
      await runToCompletion(c);
      const tasks = await tasksOf(c.jobGroupId);
      expect(tasks).toHaveLength(10);
      for (const task of tasks) {
        expect(task.line_group_id).toBe(c.lineGroupIds[1]);
        expect(task.calling_number).toBe('02100000002');
        expect(task.line_failures).toBe(1);
        expect(task.attempt).toBe(1);
      }
    });

    it('never holds more calls than the group concurrency and the lines allow, nor starts more per second than the limit', async () => {
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: mobiles(80),
        lineGroups: [
          { callingNumbers: ['02100000001', '02100000002', '02100000003'], lineCapacity: 4, callsPerSecond: 2 },
        ],
        group: { concurrency: 10 },
        sim: { profile: 'reliable' },
      });
      const startsPerSecond = new Map<number, number>();
      c.engine.events.on('engine:call:started', (e) => {
        const s = Math.floor(e.at / 1000);
        startsPerSecond.set(s, (startsPerSecond.get(s) ?? 0) + 1);
      });
      await runToCompletion(c);
      expect(c.telephony.stats().peakInFlight).toBe(10);
      expect(Math.max(...startsPerSecond.values())).toBeLessThanOrEqual(2);
      const tasks = await tasksOf(c.jobGroupId);
      expect(new Set(tasks.map((x) => x.job_id)).size).toBe(80);
    });

    it("reads windows in the callee's own zone, and a strategy assigned with the jobs overrides the group's", async () => {
      const windows = [{ beginTime: '10:00:00', endTime: '11:00:00' }];
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: [],
        group: { timeZone: ZONE, strategy: { RepeatBy: 'once', workingTime: windows, maxAttemptsPerDay: 1 } },
        sim: { rules: [{ pattern: '+*', outcomes: ['NoAnswer'] }] },
      });
      const { assignJobs } = await import('../../src/service/assignJobs.js');
      await assignJobs(c.deps, {
        jobGroupId: c.jobGroupId,
        jobs: mobiles(3, '135').map((phoneNumber, i) => ({
          contacts: [{ phoneNumber, referenceId: `ny${i}` }],
          timeZone: 'America/New_York',
        })),
      });
      await assignJobs(c.deps, {
        jobGroupId: c.jobGroupId,
        jobs: mobiles(3, '136').map((phoneNumber, i) => ({ contacts: [{ phoneNumber, referenceId: `own${i}` }] })),
        strategy: {
          RepeatBy: 'once',
          workingTime: [{ beginTime: '15:00:00', endTime: '16:00:00' }],
          maxAttemptsPerDay: 1,
          maxAttempts: 2,
        },
      });
      await runToCompletion(c, 5);
      const rows = await t.db
        .selectFrom('task')
        .innerJoin('job', 'job.id', 'task.job_id')
        .select(['job.reference_id', 'task.actual_time', 'task.attempt'])
        .where('task.job_group_id', '=', c.jobGroupId)
        .execute();
      const ny = rows.filter((r) => r.reference_id.startsWith('ny'));
      const own = rows.filter((r) => r.reference_id.startsWith('own'));
      expect(ny.length).toBeGreaterThan(0);
      for (const r of ny)
        expect(DateTime.fromMillis(r.actual_time as number, { zone: 'America/New_York' }).hour).toBe(10);
      // Two attempts in all, one per day, 15:00–16:00 Shanghai time.
      expect(own).toHaveLength(6);
      for (const r of own) expect(DateTime.fromMillis(r.actual_time as number, { zone: ZONE }).hour).toBe(15);
    });

    it('serves Urgent groups before Daily ones when lines are short', async () => {
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: mobiles(20, '139'),
        lineGroups: [{ callingNumbers: ['02100000001'], lineCapacity: 2 }],
        group: { priority: 'Daily' },
        sim: { profile: 'reliable' },
      });
      const { createJobGroup } = await import('../../src/service/createJobGroup.js');
      const { assignJobs } = await import('../../src/service/assignJobs.js');
      const urgent = await createJobGroup(c.deps, {
        instanceId: c.instanceId,
        name: 'urgent',
        lineGroupIds: c.lineGroupIds,
        priority: 'Urgent',
      });
      await assignJobs(c.deps, {
        jobGroupId: urgent.id,
        jobs: mobiles(20, '137').map((phoneNumber, i) => ({ contacts: [{ phoneNumber, referenceId: `u${i}` }] })),
      });
      const order: string[] = [];
      c.engine.events.on('engine:call:started', (e) => order.push(e.jobGroupId));
      let done = 0;
      c.engine.events.on('engine:group:completed', () => done++);
      await runVirtualCampaign({ engine: c.engine, clock: c.clock, isDone: () => done === 2, until: MONDAY_8AM + DAY });
      expect(order.slice(0, 20).every((g) => g === urgent.id)).toBe(true);
      expect(order.slice(20).every((g) => g === c.jobGroupId)).toBe(true);
    });
  });
}
