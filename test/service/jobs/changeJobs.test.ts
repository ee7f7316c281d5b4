import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../../src/core/clock.js';
import { FailureReason, JobStatus, TaskStatus } from '../../../src/core/enums.js';
import { assignJobs } from '../../../src/service/assignJobs.js';
import { createJobGroup } from '../../../src/service/createJobGroup.js';
import { changeJobs, type JobChange } from '../../../src/service/jobs/index.js';
import { getJobGroup } from '../../../src/store/jobGroups/getJobGroup.js';
import { rejection } from '../../support/rejection.js';
import {
  insertJobRows,
  insertTaskRows,
  jobInputs,
  jobRow,
  readJob,
  readJobs,
  type SeededGroup,
  seedJobGroup,
  T0,
  taskRow,
} from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const ZONE = 'Asia/Shanghai';
const local = (iso: string, zone = ZONE) => DateTime.fromISO(iso, { zone }).toMillis();

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: cancelling, suspending and resuming jobs`, () => {
    let t: TestStore;
    let g: SeededGroup;
    beforeEach(async () => {
      t = await openTestStore(dialect);
      g = await seedJobGroup(t);
    });
    afterEach(() => t.drop());

    const change = (c: Omit<JobChange, 'instanceId'>) => changeJobs(g.deps, { instanceId: g.instanceId, ...c });
    const assign = async (n: number, jobGroupId = g.jobGroupId, strategy?: unknown) =>
      (await assignJobs(g.deps, { jobGroupId, jobs: jobInputs(n), strategy })).jobIds;
    const statuses = async (jobGroupId = g.jobGroupId) => (await readJobs(t, jobGroupId)).map((j) => j.status);
    const secondGroup = async () =>
      (await createJobGroup(g.deps, { instanceId: g.instanceId, name: 'second', lineGroupIds: [g.lineGroupId] })).id;

    it('moves jobs named by id, and counts those already there as matched but unchanged', async () => {
      const [a, b, c] = (await assign(3)) as [string, string, string];
      g.clock.set(T0 + HOUR);
      expect(await change({ command: 'suspend', jobIds: [a] })).toEqual({ matched: 1, changed: 1 });
      expect(await readJob(t, a)).toMatchObject({ status: JobStatus.Paused, updated_at: T0 + HOUR, version: 1 });
      expect(await change({ command: 'suspend', jobIds: [a, a] })).toEqual({ matched: 1, changed: 0 });

      let woken = 0;
      g.deps.wake = () => woken++;
      g.clock.set(T0 + 2 * HOUR);
      expect(await change({ command: 'resume', jobIds: [a, b] })).toEqual({ matched: 2, changed: 1 });
      expect(woken).toBe(1);
      // The group's strategy dials at once: due from the moment it is resumed.
      expect(await readJob(t, a)).toMatchObject({ status: JobStatus.Scheduling, next_attempt_at: T0 + 2 * HOUR });

      expect(await change({ command: 'cancel', jobIds: [a, b] })).toEqual({ matched: 2, changed: 2 });
      expect(await readJob(t, b)).toMatchObject({
        status: JobStatus.Cancelled,
        next_attempt_at: null,
        finished_at: T0 + 2 * HOUR,
      });
      expect(await change({ command: 'cancel', jobIds: [a] })).toEqual({ matched: 1, changed: 0 });
      expect(await change({ command: 'resume', jobIds: [a] })).toEqual({ matched: 1, changed: 0 });
      expect(await change({ command: 'suspend', jobIds: [a] })).toEqual({ matched: 1, changed: 0 });
      expect((await readJob(t, c)).status).toBe(JobStatus.Scheduling);
    });

    it('finds jobs by referenceId inside the group, or across the instance', async () => {
      const other = await secondGroup();
      const [mine] = (await assign(2)) as [string];
      const [theirs] = (await assign(2, other)) as [string];
      expect(
        await change({ command: 'suspend', jobGroupId: g.jobGroupId, referenceIds: ['ref-0', 'no-such-ref'] }),
      ).toEqual({ matched: 1, changed: 1 });
      expect((await readJob(t, theirs)).status).toBe(JobStatus.Scheduling);
      expect(await change({ command: 'suspend', referenceIds: ['ref-0'] })).toEqual({ matched: 2, changed: 1 });
      expect((await readJob(t, theirs)).status).toBe(JobStatus.Paused);
      // Named twice, by id and by referenceId: one job.
      expect(
        await change({ command: 'resume', jobGroupId: g.jobGroupId, jobIds: [mine], referenceIds: ['ref-0'] }),
      ).toEqual({ matched: 1, changed: 1 });
      expect(await change({ command: 'cancel', referenceIds: ['no-such-ref'] })).toEqual({ matched: 0, changed: 0 });
    });

    it('moves all jobs of a group, or of the instance, thousands at a time', async () => {
      const other = await secondGroup();
      await assign(2500);
      await assign(3, other);
      expect(await change({ command: 'suspend', jobGroupId: g.jobGroupId, all: true })).toEqual({
        matched: 2500,
        changed: 2500,
      });
      expect(new Set(await statuses())).toEqual(new Set([JobStatus.Paused]));
      expect(new Set(await statuses(other))).toEqual(new Set([JobStatus.Scheduling]));

      expect(await change({ command: 'resume', all: true })).toEqual({ matched: 2503, changed: 2500 });
      expect(new Set(await statuses())).toEqual(new Set([JobStatus.Scheduling]));

      expect(await change({ command: 'cancel', all: true })).toEqual({ matched: 2503, changed: 2503 });
      expect(new Set([...(await statuses()), ...(await statuses(other))])).toEqual(new Set([JobStatus.Cancelled]));
    });

    it('refuses an unknown job, group or selection naming it, and changes nothing', async () => {
      const [a, b] = (await assign(2)) as [string, string];
      const other = await secondGroup();
      const [elsewhere] = (await assign(1, other)) as [string];
      const stranger = await seedJobGroup(t);
      const [foreign] = (await assignJobs(stranger.deps, { jobGroupId: stranger.jobGroupId, jobs: jobInputs(1) }))
        .jobIds as [string];

      const cases: [Omit<JobChange, 'instanceId'>, string, string][] = [
        [{ command: 'cancel', jobIds: [a, 'nope', b] }, 'JOB_NOT_FOUND', 'jobIds[1]'],
        [{ command: 'cancel', jobIds: [a, b, foreign] }, 'JOB_NOT_FOUND', 'jobIds[2]'],
        [{ command: 'cancel', jobGroupId: g.jobGroupId, jobIds: [elsewhere, a] }, 'JOB_NOT_FOUND', 'jobIds[0]'],
        [{ command: 'cancel', jobGroupId: stranger.jobGroupId, all: true }, 'JOB_GROUP_NOT_FOUND', 'jobGroupId'],
        [{ command: 'cancel', jobGroupId: 'nope', referenceIds: ['ref-0'] }, 'JOB_GROUP_NOT_FOUND', 'jobGroupId'],
        [{ command: 'cancel', jobIds: [], referenceIds: [] }, 'VALIDATION_FAILED', 'jobIds'],
        [{ command: 'cancel', all: false }, 'VALIDATION_FAILED', 'jobIds'],
        [{ command: 'stop' as never, jobIds: [a] }, 'VALIDATION_FAILED', 'command'],
      ];
      for (const [c, code, field] of cases) {
        const e = await rejection(change(c));
        expect([e.code, e.details.field], JSON.stringify(c)).toEqual([code, field]);
        expect(e.message).toContain(field);
      }
      expect(await statuses()).toEqual([JobStatus.Scheduling, JobStatus.Scheduling]);
      expect(await statuses(other)).toEqual([JobStatus.Scheduling]);
      expect((await readJob(t, foreign)).status).toBe(JobStatus.Scheduling);
    });

    it('completes the group when cancelling its last open jobs, unless a call still runs', async () => {
      const [a, b] = (await assign(3)) as [string, string];
      g.clock.set(T0 + HOUR);
      await change({ command: 'cancel', jobIds: [a, b] });
      expect((await getJobGroup(t.db, g.jobGroupId))?.status).toBe('Scheduling');
      await change({ command: 'cancel', referenceIds: ['ref-2'] });
      expect(await getJobGroup(t.db, g.jobGroupId)).toMatchObject({ status: 'Completed', finishedAt: T0 + HOUR });

      // A job whose call runs: the group waits for the engine to record the outcome.
      const busy = await seedJobGroup(t);
      await t.db.updateTable('job_group').set({ status: 'Executing' }).where('id', '=', busy.jobGroupId).execute();
      const [row] = [jobRow(busy, { id: `${busy.jobGroupId}-calling`, status: JobStatus.Executing })];
      await insertJobRows(t, [row]);
      await insertTaskRows(t, [taskRow(await readJob(t, row.id), { id: `${row.id}-task` })]);
      expect(await changeJobs(busy.deps, { instanceId: busy.instanceId, command: 'cancel', jobIds: [row.id] })).toEqual(
        { matched: 1, changed: 1 },
      );
      expect((await getJobGroup(t.db, busy.jobGroupId))?.status).toBe('Executing');
    });

    it('re-plans a resumed job inside its strategy’s windows, in its own zone or by its own strategy', async () => {
      const workingHours = {
        RepeatBy: 'once',
        maxAttemptsPerDay: 3,
        workingTime: [{ beginTime: '09:00', endTime: '18:00' }],
      };
      const group = await createJobGroup(g.deps, {
        instanceId: g.instanceId,
        name: 'office hours',
        lineGroupIds: [g.lineGroupId],
        timeZone: ZONE,
        strategy: workingHours,
      });
      const { jobIds } = await assignJobs(g.deps, {
        jobGroupId: group.id,
        jobs: [
          { referenceId: 'plain', contacts: [{ phoneNumber: '13800000001' }] },
          { referenceId: 'london', timeZone: 'Europe/London', contacts: [{ phoneNumber: '13800000002' }] },
        ],
      });
      const [evening] = (
        await assignJobs(g.deps, {
          jobGroupId: group.id,
          jobs: [{ referenceId: 'evening', contacts: [{ phoneNumber: '13800000003' }] }],
          strategy: { ...workingHours, workingTime: [{ beginTime: '20:00', endTime: '23:00' }] },
        })
      ).jobIds as [string];
      const [plain, london] = jobIds as [string, string];
      expect((await readJob(t, plain)).next_attempt_at).toBe(T0);
      await change({ command: 'suspend', jobGroupId: group.id, all: true });

      // Monday 22:00 in Shanghai is 14:00 in London.
      const night = local('2026-01-05T22:00:00');
      g.clock.set(night);
      expect(await change({ command: 'resume', jobGroupId: group.id, all: true })).toEqual({ matched: 3, changed: 3 });
      expect(await readJob(t, plain)).toMatchObject({
        status: JobStatus.Scheduling,
        next_attempt_at: local('2026-01-06T09:00:00'),
      });
      expect((await readJob(t, london)).next_attempt_at).toBe(night);
      expect((await readJob(t, evening)).next_attempt_at).toBe(night);
    });

    it('fails a job resumed past its strategy’s end TimeUp, which may complete the group', async () => {
      const group = await createJobGroup(g.deps, {
        instanceId: g.instanceId,
        name: 'short',
        lineGroupIds: [g.lineGroupId],
        strategy: { startTime: T0, endTime: T0 + HOUR },
      });
      const { jobIds } = await assignJobs(g.deps, { jobGroupId: group.id, jobs: jobInputs(2) });
      await change({ command: 'suspend', jobIds });
      g.clock.set(T0 + 2 * HOUR);
      expect(await change({ command: 'resume', jobIds })).toEqual({ matched: 2, changed: 2 });
      expect(await readJob(t, jobIds[0] as string)).toMatchObject({
        status: JobStatus.Failed,
        failure_reason: FailureReason.TimeUp,
        next_attempt_at: null,
        finished_at: T0 + 2 * HOUR,
      });
      expect(await getJobGroup(t.db, group.id)).toMatchObject({ status: 'Completed', finishedAt: T0 + 2 * HOUR });
    });

    it('resumes a job whose call still runs as Executing, so no second call starts', async () => {
      const row = jobRow(g, { id: 'calling', status: JobStatus.Paused, next_attempt_at: T0 - 1000 });
      await insertJobRows(t, [row]);
      await insertTaskRows(t, [taskRow(await readJob(t, row.id), { id: 'calling-1', status: TaskStatus.Executing })]);
      expect(await change({ command: 'resume', jobIds: ['calling'] })).toEqual({ matched: 1, changed: 1 });
      expect(await readJob(t, 'calling')).toMatchObject({ status: JobStatus.Executing, next_attempt_at: T0 - 1000 });
    });
  });
}
