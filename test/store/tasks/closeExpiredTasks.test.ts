import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JobStatus, TaskStatus } from '../../../src/core/enums.js';
import type { NewTaskRow } from '../../../src/store/schema.js';
import { closeExpiredTasks, LOST_LEASE_CAUSE } from '../../../src/store/tasks/closeExpiredTasks.js';
import { renewLeases } from '../../../src/store/tasks/renewLeases.js';
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

const NOW = T0 + 60 * SECOND;

/** One Executing job per named task, each task Executing under engine-a unless told otherwise; returns task ids. */
async function seedCalls<K extends string>(
  t: TestStore,
  tasks: Record<K, Partial<NewTaskRow>>,
): Promise<Record<K, string>> {
  const g = await seedJobGroup(t);
  const rows = Object.entries<Partial<NewTaskRow>>(tasks).map(([name, o]) => {
    const job = jobRow(g, { id: `${g.jobGroupId}-${name}`, status: JobStatus.Executing, version: 1 });
    return { name, job, task: taskRow(job, { ...o, id: `${job.id}-t` }) };
  });
  await insertJobRows(
    t,
    rows.map((r) => r.job),
  );
  await insertTaskRows(
    t,
    rows.map((r) => r.task),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.task.id])) as Record<K, string>;
}

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: closeExpiredTasks`, () => {
    // The sweep looks at every task in the store: each test gets a store of its own.
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(dialect);
    });
    afterEach(() => t.drop());

    it('closes only Executing tasks whose lease ran out, as Terminated ENGINE_LOST, and returns them with their jobs', async () => {
      const ids = await seedCalls(t, {
        expired: { lease_until: NOW - 1 },
        endsNow: { lease_until: NOW }, // a lease running until now has not run out yet
        live: { lease_until: NOW + 30 * SECOND },
        done: { status: TaskStatus.Succeeded, owner: null, lease_until: NOW - 10 * SECOND },
        noLease: { owner: null, lease_until: null },
      });
      const others = await Promise.all([ids.endsNow, ids.live, ids.done, ids.noLease].map((id) => readTask(t, id)));

      const closed = await closeExpiredTasks(t.db, NOW, 100);

      const stored = await readTask(t, ids.expired);
      expect(stored).toMatchObject({
        status: TaskStatus.Terminated,
        end_time: NOW,
        hangup_cause: LOST_LEASE_CAUSE,
        owner: null,
        lease_until: null,
      });
      expect(closed).toHaveLength(1);
      expect(closed[0]?.task).toEqual(stored);
      // The job is handed back still Executing, for the caller to plan its next attempt.
      expect(closed[0]?.job).toEqual(await readJob(t, stored.job_id));
      expect(closed[0]?.job.status).toBe(JobStatus.Executing);
      for (const before of others) expect(await readTask(t, before.id)).toEqual(before);
      // Nothing is left to close.
      expect(await closeExpiredTasks(t.db, NOW, 100)).toEqual([]);
    });

    it('does not close a call whose engine renewed its lease', async () => {
      const ids = await seedCalls(t, {
        renewed: { owner: 'engine-a', lease_until: NOW - 5 * SECOND },
        lost: { owner: 'engine-b', lease_until: NOW - 5 * SECOND },
      });
      expect(await renewLeases(t.db, 'engine-a', NOW + 30 * SECOND)).toBe(1);

      const closed = await closeExpiredTasks(t.db, NOW, 100);

      expect(closed.map((c) => c.task.id)).toEqual([ids.lost]);
      expect(await readTask(t, ids.renewed)).toMatchObject({
        status: TaskStatus.Executing,
        owner: 'engine-a',
        lease_until: NOW + 30 * SECOND,
      });
    });

    it('closes at most `limit` tasks per call, the longest expired first', async () => {
      const ids = await seedCalls(t, {
        oneSecond: { lease_until: NOW - 1 * SECOND },
        threeSeconds: { lease_until: NOW - 3 * SECOND },
        twoSeconds: { lease_until: NOW - 2 * SECOND },
      });
      const first = await closeExpiredTasks(t.db, NOW, 2);
      expect(first.map((c) => c.task.id)).toEqual([ids.threeSeconds, ids.twoSeconds]);
      const second = await closeExpiredTasks(t.db, NOW, 2);
      expect(second.map((c) => c.task.id)).toEqual([ids.oneSecond]);
    });
  });

  describe(`${dialect}: renewLeases`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(dialect);
    });
    afterAll(() => t.drop());

    it("extends only the owner's Executing tasks", async () => {
      const ids = await seedCalls(t, {
        mine: {},
        theirs: { owner: 'engine-b' },
        finished: { status: TaskStatus.NoAnswer },
      });

      expect(await renewLeases(t.db, 'engine-a', NOW)).toBe(1);

      expect((await readTask(t, ids.mine)).lease_until).toBe(NOW);
      expect((await readTask(t, ids.theirs)).lease_until).toBe(T0 + 30 * SECOND);
      expect((await readTask(t, ids.finished)).lease_until).toBe(T0 + 30 * SECOND);
    });
  });
}
