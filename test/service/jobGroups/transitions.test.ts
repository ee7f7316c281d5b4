import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/core/clock.js';
import type { JobGroupStatus } from '../../../src/core/enums.js';
import { JobStatus, TaskStatus } from '../../../src/core/enums.js';
import { createVirtualClock, type VirtualClock } from '../../../src/core/virtualClock.js';
import { assignJobs } from '../../../src/service/assignJobs.js';
import { createInstance } from '../../../src/service/createInstance.js';
import { createJobGroup } from '../../../src/service/createJobGroup.js';
import { createLineGroup } from '../../../src/service/createLineGroup.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { cancelJobGroup } from '../../../src/service/jobGroups/cancelJobGroup.js';
import { deleteJobGroup } from '../../../src/service/jobGroups/deleteJobGroup.js';
import { getJobGroupOf } from '../../../src/service/jobGroups/getJobGroupOf.js';
import { jobGroupProgress } from '../../../src/service/jobGroups/jobGroupProgress.js';
import { pauseJobGroup } from '../../../src/service/jobGroups/pauseJobGroup.js';
import { resumeJobGroup } from '../../../src/service/jobGroups/resumeJobGroup.js';
import { startJobGroup } from '../../../src/service/jobGroups/startJobGroup.js';
import { updateJobGroup } from '../../../src/service/jobGroups/updateJobGroup.js';
import { insertRefusals } from '../../../src/store/policy/insertRefusals.js';
import { testIds } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

type Op = (deps: ServiceDeps, instanceId: string, id: string) => Promise<unknown>;

const OPS: Record<string, Op> = {
  start: startJobGroup,
  pause: pauseJobGroup,
  resume: resumeJobGroup,
  cancel: cancelJobGroup,
  delete: deleteJobGroup,
  get: getJobGroupOf,
  progress: jobGroupProgress,
  update: (deps, instanceId, id) => updateJobGroup(deps, instanceId, id, { name: 'renamed' }),
};

/** Which status each transition leads to from each status: a status = moved there, 'same' = no-op, 'illegal'. */
const TABLE: Record<
  'start' | 'pause' | 'resume' | 'cancel',
  Record<JobGroupStatus, JobGroupStatus | 'same' | 'illegal'>
> = {
  start: {
    Draft: 'Scheduling',
    Scheduling: 'same',
    Executing: 'same',
    Paused: 'illegal',
    Completed: 'illegal',
    Cancelled: 'illegal',
  },
  pause: {
    Draft: 'Paused',
    Scheduling: 'Paused',
    Executing: 'Paused',
    Paused: 'same',
    Completed: 'illegal',
    Cancelled: 'illegal',
  },
  resume: {
    Draft: 'illegal',
    Scheduling: 'same',
    Executing: 'same',
    Paused: 'Scheduling',
    Completed: 'illegal',
    Cancelled: 'illegal',
  },
  cancel: {
    Draft: 'Cancelled',
    Scheduling: 'Cancelled',
    Executing: 'Cancelled',
    Paused: 'Cancelled',
    Completed: 'illegal',
    Cancelled: 'same',
  },
};

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: job group lifecycle`, () => {
    let t: TestStore;
    let clock: VirtualClock;
    let deps: ServiceDeps;
    let wakes: number;
    let instanceId: string;
    let lineGroupIds: string[];
    beforeEach(async () => {
      t = await openTestStore(dialect);
      clock = createVirtualClock(T0);
      wakes = 0;
      deps = {
        db: t.db,
        caps: t.caps,
        clock,
        newId: testIds(),
        defaultCountry: 'CN',
        defaultTimeZone: 'Asia/Shanghai',
        wake: () => {
          wakes++;
        },
      };
      instanceId = (await createInstance(deps, { name: 'acme' })).id;
      lineGroupIds = [(await createLineGroup(deps, { instanceId, name: 'trunk', callingNumbers: ['02100000001'] })).id];
    });
    afterEach(() => t.drop());

    /** A group put straight into `status` (Executing and Completed are the engine's to reach). */
    async function groupIn(status: JobGroupStatus) {
      const g = await createJobGroup(deps, { instanceId, name: `in ${status}`, lineGroupIds });
      await t.db.updateTable('job_group').set({ status }).where('id', '=', g.id).execute();
      return g.id;
    }
    const row = (id: string) => t.db.selectFrom('job_group').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    for (const [op, byStatus] of Object.entries(TABLE)) {
      for (const [from, outcome] of Object.entries(byStatus)) {
        it(`${op} from ${from}: ${outcome === 'same' ? 'no change' : outcome === 'illegal' ? 'ILLEGAL_TRANSITION' : outcome}`, async () => {
          const id = await groupIn(from as JobGroupStatus);
          const before = await row(id);
          clock.set(T0 + MINUTE);
          const run = OPS[op] as Op;
          if (outcome === 'illegal') {
            const e = await rejection(run(deps, instanceId, id));
            expect(e.code).toBe('ILLEGAL_TRANSITION');
            expect(e.message).toContain(from);
            expect(e.details).toMatchObject({ field: 'jobGroupId', status: from });
            expect(await row(id)).toEqual(before);
            return;
          }
          const g = (await run(deps, instanceId, id)) as Awaited<ReturnType<typeof startJobGroup>>;
          const after = await row(id);
          if (outcome === 'same') {
            expect(g.status).toBe(from);
            expect(after).toEqual(before);
            return;
          }
          expect(g.status).toBe(outcome);
          expect(after.status).toBe(outcome);
          expect(after.version).toBe(before.version + 1);
          expect(after.modified_at).toBe(T0 + MINUTE);
          expect(g.version).toBe(after.version);
          expect(after.finished_at).toBe(outcome === 'Cancelled' ? T0 + MINUTE : null);
        });
      }
    }

    it('start and resume tell the engine to look; pause does not need to', async () => {
      const id = await groupIn('Draft');
      await startJobGroup(deps, instanceId, id);
      expect(wakes).toBe(1);
      await pauseJobGroup(deps, instanceId, id);
      expect(wakes).toBe(1);
      await resumeJobGroup(deps, instanceId, id);
      expect(wakes).toBe(2);
    });

    it('cancel cancels every job that could still be dialled, in the same change, and leaves ended ones alone', async () => {
      const g = await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds });
      const { jobIds } = await assignJobs(deps, {
        jobGroupId: g.id,
        jobs: ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005'].map((phoneNumber, i) => ({
          contacts: [{ phoneNumber, referenceId: `r${i}` }],
        })),
      });
      const statuses = [
        JobStatus.Scheduling,
        JobStatus.Executing,
        JobStatus.Paused,
        JobStatus.Succeeded,
        JobStatus.Failed,
      ];
      for (const [i, status] of statuses.entries()) {
        await t.db
          .updateTable('job')
          .set({ status, finished_at: status >= JobStatus.Succeeded && status !== JobStatus.Paused ? T0 : null })
          .where('id', '=', jobIds[i] as string)
          .execute();
      }
      clock.set(T0 + MINUTE);
      const cancelled = await cancelJobGroup(deps, instanceId, g.id);
      expect(cancelled.status).toBe('Cancelled');
      expect(cancelled.finishedAt).toBe(T0 + MINUTE);
      const jobs = await t.db.selectFrom('job').selectAll().where('job_group_id', '=', g.id).execute();
      const byId = new Map(jobs.map((j) => [j.id, j]));
      for (const [i, before] of statuses.entries()) {
        const j = byId.get(jobIds[i] as string);
        if (before === JobStatus.Succeeded || before === JobStatus.Failed) {
          expect(j?.status).toBe(before);
          expect(j?.finished_at).toBe(T0);
        } else {
          expect(j).toMatchObject({ status: JobStatus.Cancelled, next_attempt_at: null, finished_at: T0 + MINUTE });
        }
      }
    });

    it('another instance’s group looks exactly like a missing one, for every operation, and is left untouched', async () => {
      const other = (await createInstance(deps, { name: 'other' })).id;
      const id = await groupIn('Scheduling');
      const before = await row(id);
      for (const [name, op] of Object.entries(OPS)) {
        const foreign = await rejection(op(deps, other, id));
        const missing = await rejection(op(deps, instanceId, 'no-such-group'));
        expect(foreign.code, name).toBe('JOB_GROUP_NOT_FOUND');
        expect(foreign.details, name).toEqual(missing.details);
        expect(foreign.message.replace(id, 'X'), name).toBe(missing.message.replace('no-such-group', 'X'));
      }
      expect(await row(id)).toEqual(before);
    });

    it('delete takes a stopped group with its jobs, tasks and policy refusals, and refuses a running one', async () => {
      const running = await groupIn('Scheduling');
      const e = await rejection(deleteJobGroup(deps, instanceId, running));
      expect(e.code).toBe('JOB_GROUP_BUSY');
      expect(e.message).toContain('Scheduling');
      expect(e.details.field).toBe('jobGroupId');

      const g = await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds });
      const { jobIds } = await assignJobs(deps, {
        jobGroupId: g.id,
        jobs: [{ contacts: [{ phoneNumber: '13800000001', referenceId: 'a' }] }],
      });
      await t.db
        .insertInto('task')
        .values({
          id: 'task-1',
          job_id: jobIds[0] as string,
          job_group_id: g.id,
          instance_id: instanceId,
          attempt: 1,
          status: TaskStatus.NoAnswer,
          planned_time: T0,
          actual_time: T0,
          end_time: T0 + 30_000,
          calling_number: '02100000001',
          called_number: '+8613800000001',
          line_group_id: lineGroupIds[0] as string,
          line_id: 'l',
          hangup_cause: 'NO_ANSWER',
          sip_code: 480,
          ring_duration: 25_000,
          talk_duration: 0,
          line_failures: 0,
          owner: null,
          lease_until: null,
        })
        .execute();
      const refusal = {
        instanceId,
        at: T0,
        verdict: 'refuse',
        reason: 'ContactBlockList',
        rule: 'block list',
      } as const;
      await insertRefusals(t.db, [
        { ...refusal, id: 'refusal-1', jobGroupId: g.id, jobId: jobIds[0] as string },
        { ...refusal, id: 'refusal-2', jobGroupId: running, jobId: 'a-job-of-the-running-group' },
      ]);
      await pauseJobGroup(deps, instanceId, g.id);
      await deleteJobGroup(deps, instanceId, g.id);
      expect((await t.db.selectFrom('policy_refusal').select('id').execute()).map((r) => r.id)).toEqual(['refusal-2']);
      expect(await t.db.selectFrom('job_group').select('id').where('id', '=', g.id).execute()).toEqual([]);
      expect(await t.db.selectFrom('job').select('id').where('job_group_id', '=', g.id).execute()).toEqual([]);
      expect(await t.db.selectFrom('task').select('id').where('job_group_id', '=', g.id).execute()).toEqual([]);
      expect((await rejection(getJobGroupOf(deps, instanceId, g.id))).code).toBe('JOB_GROUP_NOT_FOUND');
      // The other group is untouched.
      expect((await row(running)).status).toBe('Scheduling');
    });

    for (const status of ['Draft', 'Completed', 'Cancelled'] as const) {
      it(`delete takes a ${status} group`, async () => {
        const id = await groupIn(status);
        await deleteJobGroup(deps, instanceId, id);
        expect(await t.db.selectFrom('job_group').select('id').where('id', '=', id).execute()).toEqual([]);
      });
    }
  });
}
