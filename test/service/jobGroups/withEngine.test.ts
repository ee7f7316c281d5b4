import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../src/core/clock.js';
import {
  type FailureReason,
  failureReasonName,
  JobStatus,
  TaskStatus,
  taskStatusName,
} from '../../../src/core/enums.js';
import { runVirtualCampaign } from '../../../src/engine/runVirtualCampaign.js';
import { createInstance } from '../../../src/service/createInstance.js';
import { cancelJobGroup } from '../../../src/service/jobGroups/cancelJobGroup.js';
import { deleteJobGroup } from '../../../src/service/jobGroups/deleteJobGroup.js';
import { getJobGroupOf } from '../../../src/service/jobGroups/getJobGroupOf.js';
import { instanceSummary } from '../../../src/service/jobGroups/instanceSummary.js';
import { jobGroupProgress } from '../../../src/service/jobGroups/jobGroupProgress.js';
import { pauseJobGroup } from '../../../src/service/jobGroups/pauseJobGroup.js';
import { resumeJobGroup } from '../../../src/service/jobGroups/resumeJobGroup.js';
import { type CampaignSetup, setUpCampaign } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);
const mobiles = (n: number) => Array.from({ length: n }, (_, i) => `138${String(20_000_000 + i).padStart(8, '0')}`);

/** Runs the engine on its virtual clock for `ms`, letting it settle before each jump in time. */
async function runFor(c: CampaignSetup, ms: number): Promise<void> {
  const end = c.clock.now() + ms;
  c.engine.start();
  for (;;) {
    await c.engine.whenIdle();
    const next = c.clock.nextTimerAt();
    if (next === undefined || next > end) return;
    c.clock.fireNext();
  }
}

async function runToCompletion(c: CampaignSetup): Promise<boolean> {
  let completed = false;
  c.engine.events.on('engine:group:completed', (e) => {
    if (e.jobGroupId === c.jobGroupId) completed = true;
  });
  const run = await runVirtualCampaign({
    engine: c.engine,
    clock: c.clock,
    isDone: () => completed,
    until: c.clock.now() + DAY,
  });
  return run.finished;
}

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: job group lifecycle with the engine running`, () => {
    let t: TestStore;
    let c: CampaignSetup | undefined;
    beforeEach(async () => {
      t = await openTestStore(dialect);
      c = undefined;
    });
    afterEach(async () => {
      await c?.engine.stop({ drainMs: 0 });
      await t.drop();
    });

    /** Two lines of one call each: a few calls at a time, the rest waiting. */
    const campaign = async (phones: number) => {
      c = await setUpCampaign(t, {
        start: T0,
        phones: mobiles(phones),
        lineGroups: [{ callingNumbers: ['02100000001', '02100000002'], lineCapacity: 1 }],
        sim: { profile: 'reliable' },
      });
      return c;
    };
    const tasksOf = (c: CampaignSetup) =>
      t.db.selectFrom('task').selectAll().where('job_group_id', '=', c.jobGroupId).execute();
    const jobsOf = (c: CampaignSetup) =>
      t.db.selectFrom('job').selectAll().where('job_group_id', '=', c.jobGroupId).execute();

    it('a cancelled group ends Cancelled, not Completed: calls in flight end and are recorded, nothing else is dialled', async () => {
      const c = await campaign(12);
      let completedEvents = 0;
      c.engine.events.on('engine:group:completed', () => {
        completedEvents++;
      });
      c.engine.start();
      await c.engine.whenIdle();
      expect(c.engine.inFlight()).toBe(2);
      const cancelledAt = c.clock.now();
      const cancelled = await cancelJobGroup(c.deps, c.instanceId, c.jobGroupId);
      expect(cancelled.status).toBe('Cancelled');

      await runFor(c, 2 * HOUR);
      expect(c.engine.inFlight()).toBe(0);
      const tasks = await tasksOf(c);
      expect(tasks).toHaveLength(2);
      expect(tasks.every((x) => x.status !== TaskStatus.Executing && x.end_time !== null)).toBe(true);
      const jobs = await jobsOf(c);
      expect(jobs.every((j) => j.status === JobStatus.Cancelled && j.finished_at === cancelledAt)).toBe(true);
      // The two jobs that were on a call keep the attempt in their history.
      expect(jobs.filter((j) => j.attempts === 1)).toHaveLength(2);
      const group = await getJobGroupOf(c.deps, c.instanceId, c.jobGroupId);
      expect(group).toMatchObject({ status: 'Cancelled', finishedAt: cancelledAt });
      expect(completedEvents).toBe(0);
      const progress = await jobGroupProgress(c.deps, c.instanceId, c.jobGroupId);
      expect(progress.jobsByStatus.Cancelled).toBe(12);
      expect(progress.attempts).toBe(2);
    });

    it('a paused group dials nothing while time runs, and dials again once resumed', async () => {
      const c = await campaign(10);
      c.engine.start();
      await c.engine.whenIdle();
      expect(c.engine.inFlight()).toBe(2);
      const paused = await pauseJobGroup(c.deps, c.instanceId, c.jobGroupId);
      expect(paused.status).toBe('Paused');

      await runFor(c, 6 * HOUR);
      expect(c.telephony.stats().dialed).toBe(2);
      const tasks = await tasksOf(c);
      expect(tasks).toHaveLength(2);
      expect(tasks.every((x) => x.status !== TaskStatus.Executing)).toBe(true);
      expect((await getJobGroupOf(c.deps, c.instanceId, c.jobGroupId)).status).toBe('Paused');
      expect((await jobsOf(c)).filter((j) => j.status === JobStatus.Scheduling)).toHaveLength(8);

      const resumedAt = c.clock.now();
      c.deps.wake = () => c.engine.wake();
      expect((await resumeJobGroup(c.deps, c.instanceId, c.jobGroupId)).status).toBe('Scheduling');
      expect(await runToCompletion(c)).toBe(true);
      const all = await tasksOf(c);
      expect(all).toHaveLength(10);
      expect(all.filter((x) => (x.actual_time ?? 0) >= resumedAt)).toHaveLength(8);
      expect((await getJobGroupOf(c.deps, c.instanceId, c.jobGroupId)).status).toBe('Completed');
    });

    it('delete is refused while a call runs, and takes the group, its jobs and tasks once the calls ended', async () => {
      const c = await campaign(6);
      c.engine.start();
      await c.engine.whenIdle();
      await pauseJobGroup(c.deps, c.instanceId, c.jobGroupId);
      // Calls still running count as attempts, not as ended ones.
      expect(await jobGroupProgress(c.deps, c.instanceId, c.jobGroupId)).toMatchObject({
        attempts: 2,
        tasksByStatus: { Executing: 2 },
        answered: 0,
        answerRate: 0,
        lastCallEndAt: null,
      });
      const e = await rejection(deleteJobGroup(c.deps, c.instanceId, c.jobGroupId));
      expect(e.code).toBe('JOB_GROUP_BUSY');
      expect(e.message).toContain('2 calls in progress');
      expect(await tasksOf(c)).toHaveLength(2);
      expect(await jobsOf(c)).toHaveLength(6);

      await runFor(c, HOUR);
      await deleteJobGroup(c.deps, c.instanceId, c.jobGroupId);
      expect(await tasksOf(c)).toEqual([]);
      expect(await jobsOf(c)).toEqual([]);
      expect((await rejection(getJobGroupOf(c.deps, c.instanceId, c.jobGroupId))).code).toBe('JOB_GROUP_NOT_FOUND');
    });

    it('progress after a short campaign matches the rows, and the instance summary counts its calls', async () => {
      c = await setUpCampaign(t, {
        start: T0,
        phones: mobiles(40),
        group: { strategy: { maxAttemptsPerDay: 2, minAttemptInterval: 10 } },
        sim: { profile: 'default' },
      });
      const setup = c;
      expect(await runToCompletion(setup)).toBe(true);
      const p = await jobGroupProgress(setup.deps, setup.instanceId, setup.jobGroupId);
      const jobs = await jobsOf(setup);
      const tasks = await tasksOf(setup);

      const count = <T>(xs: T[], key: (x: T) => string | null) => {
        const m: Record<string, number> = {};
        for (const x of xs) {
          const k = key(x);
          if (k !== null) m[k] = (m[k] ?? 0) + 1;
        }
        return m;
      };
      const jobNames = Object.keys(JobStatus) as (keyof typeof JobStatus)[];
      expect(p.jobsByStatus).toEqual({
        ...Object.fromEntries(jobNames.map((n) => [n, 0])),
        ...count(jobs, (j) => jobNames.find((n) => JobStatus[n] === j.status) ?? 'unknown'),
      });
      expect(p.totalJobs).toBe(40);
      expect(p.failureReasons).toEqual(
        count(jobs, (j) => (j.failure_reason === null ? null : failureReasonName(j.failure_reason as FailureReason))),
      );
      expect(p.tasksByStatus).toEqual(count(tasks, (x) => taskStatusName(x.status as TaskStatus)));
      const answered = tasks.filter((x) => x.status === TaskStatus.Succeeded).length;
      expect(p.attempts).toBe(tasks.length);
      expect(p.answered).toBe(answered);
      expect(p.answerRate).toBeCloseTo(answered / tasks.length, 10);
      expect(p.answered).toBeGreaterThan(0);
      expect(p.attempts).toBeGreaterThan(40);
      const talkMs = tasks.reduce((s, x) => s + x.talk_duration, 0);
      expect(p.talkSeconds).toBe(Math.round(talkMs / 1000));
      expect(p.firstCallAt).toBe(Math.min(...tasks.map((x) => x.actual_time as number)));
      expect(p.lastCallEndAt).toBe(Math.max(...tasks.map((x) => x.end_time as number)));
      expect(p.status).toBe('Completed');
      expect(p.startedAt).toBe(T0);
      expect(p.finishedAt).not.toBeNull();

      const idle = (await createInstance(setup.deps, { name: 'idle' })).id;
      expect(await instanceSummary(setup.deps, ['nobody', setup.instanceId, idle, setup.instanceId])).toEqual([
        {
          instanceId: setup.instanceId,
          totalCallCount: tasks.length,
          totalCallSeconds: Math.round(talkMs / 1000),
          recordingMegabytes: 0,
        },
        { instanceId: idle, totalCallCount: 0, totalCallSeconds: 0, recordingMegabytes: 0 },
      ]);
      expect(await instanceSummary(setup.deps, [])).toEqual([]);
    });
  });
}
