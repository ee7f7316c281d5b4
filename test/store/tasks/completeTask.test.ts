import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskStatus } from '../../../src/core/enums.js';
import { completeTask, type TaskCompletion } from '../../../src/store/tasks/completeTask.js';
import type { SeededGroup } from '../../support/seed.js';
import {
  insertJobRows,
  insertTaskRows,
  jobRow,
  readJob,
  readTask,
  SECOND,
  seedJobGroup,
  T0,
  taskRow,
} from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: completeTask`, () => {
    let t: TestStore;
    let g: SeededGroup;
    beforeAll(async () => {
      t = await openTestStore(dialect);
      g = await seedJobGroup(t);
    });
    afterAll(() => t.drop());

    let n = 0;
    /** A job with one Executing task held by engine-a; returns the task id. */
    async function runningTask(): Promise<string> {
      const jobId = `${g.jobGroupId}-${n++}`;
      await insertJobRows(t, [jobRow(g, { id: jobId })]);
      const job = await readJob(t, jobId);
      await insertTaskRows(t, [taskRow(job, { id: `${jobId}-t1` })]);
      return `${jobId}-t1`;
    }

    const completion = (taskId: string, o: Partial<TaskCompletion> = {}): TaskCompletion => ({
      taskId,
      owner: 'engine-a',
      status: TaskStatus.Succeeded,
      actualTime: T0,
      endTime: T0 + 95 * SECOND,
      hangupCause: 'NORMAL_CLEARING',
      sipCode: 200,
      ringDuration: 5,
      talkDuration: 90,
      lineFailures: 1,
      lineGroupId: 'lg-2',
      lineId: 'line-7',
      callingNumber: '02100000009',
      ...o,
    });

    it('closes an Executing task for the engine that owns it and releases the lease', async () => {
      const id = await runningTask();
      expect(await completeTask(t.db, completion(id))).toBe(true);
      expect(await readTask(t, id)).toMatchObject({
        status: TaskStatus.Succeeded,
        actual_time: T0,
        end_time: T0 + 95 * SECOND,
        hangup_cause: 'NORMAL_CLEARING',
        sip_code: 200,
        ring_duration: 5,
        talk_duration: 90,
        line_failures: 1,
        line_group_id: 'lg-2',
        line_id: 'line-7',
        calling_number: '02100000009',
        owner: null,
        lease_until: null,
      });
    });

    it('refuses a second completion and changes nothing', async () => {
      const id = await runningTask();
      expect(await completeTask(t.db, completion(id))).toBe(true);
      const first = await readTask(t, id);
      const again = completion(id, { status: TaskStatus.Failed, endTime: T0 + 200 * SECOND, sipCode: 500 });
      expect(await completeTask(t.db, again)).toBe(false);
      expect(await readTask(t, id)).toEqual(first);
    });

    it('refuses an engine that does not own the task and changes nothing', async () => {
      const id = await runningTask();
      const before = await readTask(t, id);
      expect(await completeTask(t.db, completion(id, { owner: 'engine-b' }))).toBe(false);
      expect(await readTask(t, id)).toEqual(before);
      // The owner still can.
      expect(await completeTask(t.db, completion(id))).toBe(true);
    });

    it('refuses the owner once a sweeper closed the task for a lost lease', async () => {
      const id = await runningTask();
      await t.db
        .updateTable('task')
        .set({ status: TaskStatus.Terminated, hangup_cause: 'ENGINE_LOST', owner: null, lease_until: null })
        .where('id', '=', id)
        .execute();
      const swept = await readTask(t, id);
      expect(await completeTask(t.db, completion(id))).toBe(false);
      expect(await readTask(t, id)).toEqual(swept);
    });

    it('returns false for an unknown task', async () => {
      expect(await completeTask(t.db, completion('no-such-task'))).toBe(false);
    });
  });
}
