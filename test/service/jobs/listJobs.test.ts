import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailureReason, JobStatus, TaskStatus } from '../../../src/core/enums.js';
import { assignJobs } from '../../../src/service/assignJobs.js';
import { createJobGroup } from '../../../src/service/createJobGroup.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { getJobOf, type JobQuery, latestTaskOfJobs, listJobs, tasksOfJobs } from '../../../src/service/jobs/index.js';
import type { PageRequest } from '../../../src/service/paging.js';
import { filterJobsAfter } from '../../../src/store/jobs/jobFilter.js';
import { rejection } from '../../support/rejection.js';
import {
  insertJobRows,
  insertTaskRows,
  jobInputs,
  jobRow,
  MINUTE,
  readJob,
  type SeededGroup,
  seedJobGroup,
  T0,
  taskRow,
} from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const HOUR = 60 * MINUTE;

/** Every job the query matches, walking the cursor 2 at a time. */
async function allIds(deps: ServiceDeps, q: JobQuery): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listJobs(deps, q, { kind: 'cursor', limit: 2, cursor });
    ids.push(...page.items.map((j) => j.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
}

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: listing jobs, and a job with its tasks`, () => {
    let t: TestStore;
    let a: SeededGroup;
    let otherGroupId: string;
    let b: SeededGroup;
    beforeAll(async () => {
      t = await openTestStore(dialect);
      a = await seedJobGroup(t);
      otherGroupId = (
        await createJobGroup(a.deps, { instanceId: a.instanceId, name: 'second', lineGroupIds: [a.lineGroupId] })
      ).id;
      b = await seedJobGroup(t);
      const second = { ...a, jobGroupId: otherGroupId };
      await insertJobRows(t, [
        jobRow(a, { id: 'j1', reference_id: 'r1', phone_number: '+8613800000001', created_at: T0 }),
        jobRow(a, {
          id: 'j2',
          reference_id: 'r2',
          status: JobStatus.Succeeded,
          created_at: T0 + MINUTE,
          finished_at: T0 + 2 * HOUR,
        }),
        jobRow(a, {
          id: 'j3',
          reference_id: 'r3',
          status: JobStatus.Failed,
          failure_reason: FailureReason.NoAnswer,
          created_at: T0 + 2 * MINUTE,
          finished_at: T0 + 3 * HOUR,
        }),
        jobRow(second, {
          id: 'j4',
          reference_id: 'r4',
          phone_number: '+8613800000001',
          status: JobStatus.Failed,
          failure_reason: FailureReason.TimeUp,
          created_at: T0 + 3 * MINUTE,
          finished_at: T0 + 5 * HOUR,
        }),
        jobRow(second, {
          id: 'j5',
          reference_id: 'r1',
          status: JobStatus.Cancelled,
          created_at: T0 + 4 * MINUTE,
          finished_at: T0 + 5 * HOUR,
        }),
        jobRow(b, { id: 'k1', reference_id: 'r1', phone_number: '+8613800000001', created_at: T0 }),
      ]);
      const j1 = await readJob(t, 'j1');
      const k1 = await readJob(t, 'k1');
      // Inserted out of order: the detail gives them in attempt order.
      await insertTaskRows(t, [
        taskRow(j1, { id: 'task-2', attempt: 2, status: TaskStatus.Executing, actual_time: T0 + HOUR }),
        taskRow(j1, { id: 'task-1', attempt: 1, status: TaskStatus.NoAnswer, end_time: T0 + 30_000 }),
        taskRow(k1, { id: 'task-k', attempt: 1, status: TaskStatus.Busy }),
      ]);
    });
    afterAll(() => t.drop());

    const q = (extra: Partial<JobQuery> = {}): JobQuery => ({ instanceId: a.instanceId, ...extra });

    it('lists the instance’s jobs in assignment order, each filter narrowing alone', async () => {
      const cases: [Partial<JobQuery>, string[]][] = [
        [{}, ['j1', 'j2', 'j3', 'j4', 'j5']],
        [{ jobGroupId: a.jobGroupId }, ['j1', 'j2', 'j3']],
        [{ jobGroupId: otherGroupId }, ['j4', 'j5']],
        [{ jobIds: ['j5', 'j1', 'k1', 'nope'] }, ['j1', 'j5']],
        [{ jobIds: [] }, []],
        [{ statuses: [JobStatus.Failed, JobStatus.Scheduling] }, ['j1', 'j3', 'j4']],
        [{ statuses: [] }, []],
        [{ failureReasons: [FailureReason.TimeUp] }, ['j4']],
        [{ phoneNumber: '138 0000 0001' }, ['j1', 'j4']],
        [{ phoneNumber: '+86 138-0000-0001' }, ['j1', 'j4']],
        [{ referenceId: 'r1' }, ['j1', 'j5']],
        [{ createdFrom: T0 + MINUTE, createdTo: T0 + 3 * MINUTE }, ['j2', 'j3', 'j4']],
        [{ finishedFrom: T0 + 3 * HOUR }, ['j3', 'j4', 'j5']],
        [{ finishedTo: T0 + 3 * HOUR }, ['j2', 'j3']],
      ];
      for (const [extra, expected] of cases) {
        expect(await allIds(a.deps, q(extra)), JSON.stringify(extra)).toEqual(expected);
      }
    });

    it('combines filters', async () => {
      expect(await allIds(a.deps, q({ phoneNumber: '13800000001', statuses: [JobStatus.Failed] }))).toEqual(['j4']);
      expect(await allIds(a.deps, q({ referenceId: 'r1', jobGroupId: otherGroupId }))).toEqual(['j5']);
      expect(
        await allIds(
          a.deps,
          q({ jobGroupId: a.jobGroupId, finishedFrom: T0 + HOUR, failureReasons: [FailureReason.NoAnswer] }),
        ),
      ).toEqual(['j3']);
    });

    it('shows another instance nothing of these jobs', async () => {
      const other = { instanceId: b.instanceId };
      expect(await allIds(b.deps, other)).toEqual(['k1']);
      expect(await allIds(b.deps, { ...other, jobGroupId: a.jobGroupId })).toEqual([]);
      expect(await allIds(b.deps, { ...other, jobIds: ['j1', 'j2'] })).toEqual([]);
      expect(await listJobs(b.deps, { ...other, jobGroupId: a.jobGroupId }, offset(1, 10))).toEqual({
        items: [],
        total: 0,
      });
      const e = await rejection(getJobOf(b.deps, b.instanceId, 'j1'));
      expect(e.code).toBe('JOB_NOT_FOUND');
      expect(e.details.field).toBe('jobId');
      expect((await tasksOfJobs(b.deps, b.instanceId, ['j1'])).get('j1')).toEqual([]);
      expect((await latestTaskOfJobs(b.deps, b.instanceId, ['j1'])).size).toBe(0);
    });

    it('gives a job with its tasks in attempt order, and tasks or the latest task of many jobs', async () => {
      const { job, tasks } = await getJobOf(a.deps, a.instanceId, 'j1');
      expect(job).toMatchObject({
        id: 'j1',
        jobGroupId: a.jobGroupId,
        referenceId: 'r1',
        status: JobStatus.Scheduling,
      });
      expect(tasks.map((x) => [x.id, x.attempt])).toEqual([
        ['task-1', 1],
        ['task-2', 2],
      ]);
      expect((await rejection(getJobOf(a.deps, a.instanceId, 'nope'))).code).toBe('JOB_NOT_FOUND');

      const many = await tasksOfJobs(a.deps, a.instanceId, ['j1', 'j2', 'k1']);
      expect(many.get('j1')?.map((x) => x.attempt)).toEqual([1, 2]);
      expect(many.get('j2')).toEqual([]);
      expect(many.get('k1')).toEqual([]);
      const latest = await latestTaskOfJobs(a.deps, a.instanceId, ['j1', 'j2']);
      expect([...latest.keys()]).toEqual(['j1']);
      expect(latest.get('j1')).toMatchObject({ id: 'task-2', attempt: 2, status: TaskStatus.Executing });
    });

    it('refuses bad filters and pages naming the field', async () => {
      const bad: [Partial<JobQuery>, PageRequest, string, string][] = [
        [{ phoneNumber: 'call me' }, cursor(10), 'INVALID_PHONE_NUMBER', 'phoneNumber'],
        [{ statuses: [9 as never] }, cursor(10), 'VALIDATION_FAILED', 'statuses[0]'],
        [{ failureReasons: [0, 99 as never] }, cursor(10), 'VALIDATION_FAILED', 'failureReasons[1]'],
        [{ jobIds: Array.from({ length: 1001 }, (_, i) => `x${i}`) }, cursor(10), 'VALIDATION_FAILED', 'jobIds'],
        [{ createdFrom: Number.NaN }, cursor(10), 'VALIDATION_FAILED', 'createdFrom'],
        [{}, cursor(0), 'VALIDATION_FAILED', 'limit'],
        [{}, cursor(1001), 'VALIDATION_FAILED', 'limit'],
        [{}, { kind: 'cursor', limit: 10, cursor: 'not-a-cursor' }, 'VALIDATION_FAILED', 'cursor'],
        [{}, offset(1, 0), 'VALIDATION_FAILED', 'pageSize'],
        [{}, offset(0, 10), 'VALIDATION_FAILED', 'pageNumber'],
      ];
      for (const [extra, page, code, field] of bad) {
        const e = await rejection(listJobs(a.deps, q(extra), page));
        expect([e.code, e.details.field], field).toEqual([code, field]);
      }
    });
  });

  describe(`${dialect}: paging through thousands of jobs`, () => {
    let t: TestStore;
    let g: SeededGroup;
    let inOrder: string[];
    let otherGroupIds: string[];
    beforeAll(async () => {
      t = await openTestStore(dialect);
      g = await seedJobGroup(t);
      const other = await createJobGroup(g.deps, {
        instanceId: g.instanceId,
        name: 'other',
        lineGroupIds: [g.lineGroupId],
      });
      inOrder = [];
      otherGroupIds = [];
      // Batches of one instant each (ties broken by id), the two groups' batches interleaved.
      let from = 0;
      for (const [batch, size] of [700, 1, 999, 800].entries()) {
        inOrder.push(...(await assignJobs(g.deps, { jobGroupId: g.jobGroupId, jobs: jobInputs(size, from) })).jobIds);
        otherGroupIds.push(
          ...(await assignJobs(g.deps, { jobGroupId: other.id, jobs: jobInputs(3, 10_000 + 3 * batch) })).jobIds,
        );
        from += size;
        g.clock.set(g.clock.now() + 1000);
      }
    });
    afterAll(() => t.drop());

    it('walks 2,500 jobs by cursor, each exactly once, in assignment order', async () => {
      for (const limit of [333, 1000]) {
        const seen: string[] = [];
        let next: string | undefined;
        let pages = 0;
        do {
          const page = await listJobs(
            g.deps,
            { instanceId: g.instanceId, jobGroupId: g.jobGroupId },
            cursor(limit, next),
          );
          seen.push(...page.items.map((j) => j.id));
          next = page.nextCursor ?? undefined;
          pages++;
        } while (next);
        expect(seen).toEqual(inOrder);
        expect(pages).toBe(Math.ceil(2500 / limit));
      }
      const everything = await allIdsBy(g, 500);
      expect(everything.length).toBe(2500 + otherGroupIds.length);
      expect(new Set(everything).size).toBe(everything.length);
      expect(everything.filter((id) => !otherGroupIds.includes(id))).toEqual(inOrder);
    });

    it('pages by number with the total', async () => {
      const third = await listJobs(g.deps, { instanceId: g.instanceId, jobGroupId: g.jobGroupId }, offset(3, 1000));
      expect(third.total).toBe(2500);
      expect(third.items.map((j) => j.id)).toEqual(inOrder.slice(2000));
      const filtered = await listJobs(
        g.deps,
        { instanceId: g.instanceId, statuses: [JobStatus.Scheduling], createdFrom: g.clock.now() - 2000 },
        offset(1, 10),
      );
      expect(filtered.total).toBe(999 + 800 + 6);
      expect(filtered.items.length).toBe(10);
    });

    it.runIf(dialect === 'sqlite')('walks the group’s index, or the instance’s without a group', async () => {
      const plan = async (jobGroupId?: string) => {
        const compiled = filterJobsAfter(t.db, { instanceId: g.instanceId, jobGroupId }, { createdAt: T0, id: 'x' })
          .selectAll()
          .limit(10)
          .compile();
        const rows = await t.db.executeQuery<{ detail: string }>({
          ...compiled,
          sql: `explain query plan ${compiled.sql}`,
        });
        return rows.rows.map((r) => r.detail).join('\n');
      };
      expect(await plan(g.jobGroupId)).toContain('job_by_group_created');
      expect(await plan()).toContain('job_by_instance_created');
      expect(await plan()).not.toContain('TEMP B-TREE');
    });
  });
}

const cursor = (limit: number, c?: string): PageRequest => ({ kind: 'cursor', limit, cursor: c });
const offset = (pageNumber: number, pageSize: number): PageRequest => ({ kind: 'offset', pageNumber, pageSize });

async function allIdsBy(g: SeededGroup, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let next: string | undefined;
  do {
    const page = await listJobs(g.deps, { instanceId: g.instanceId }, cursor(limit, next));
    ids.push(...page.items.map((j) => j.id));
    next = page.nextCursor ?? undefined;
  } while (next);
  return ids;
}
