import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobStatus } from '../../../src/core/enums.js';
import { claimDueJobs } from '../../../src/store/jobs/claimDueJobs.js';
import type { JobRow } from '../../../src/store/schema.js';
import { insertJobRows, jobRow, MINUTE, readJob, readJobs, seedDueJobs, seedJobGroup, T0 } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const ids = (rows: readonly JobRow[]) => rows.map((r) => r.id);

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: claimDueJobs`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(dialect);
    });
    afterAll(() => t.drop());

    const claim = (jobGroupId: string, o: { now?: number; limit: number; onlyOwnCalendar?: boolean }) =>
      claimDueJobs(t.db, t.caps, {
        jobGroupId,
        now: o.now ?? T0,
        limit: o.limit,
        onlyOwnCalendar: o.onlyOwnCalendar ?? false,
      });

    it('claims only due Scheduling jobs of the group, earliest first, and flips them to Executing', async () => {
      const g = await seedJobGroup(t);
      const other = await seedJobGroup(t);
      const p = g.jobGroupId;
      await insertJobRows(t, [
        jobRow(g, { id: `${p}-late`, next_attempt_at: T0 - 1 * MINUTE }),
        jobRow(g, { id: `${p}-early`, next_attempt_at: T0 - 3 * MINUTE }),
        jobRow(g, { id: `${p}-now`, next_attempt_at: T0 }), // due exactly now counts
        jobRow(g, { id: `${p}-mid`, next_attempt_at: T0 - 2 * MINUTE }),
        jobRow(g, { id: `${p}-future`, next_attempt_at: T0 + 1 }),
        jobRow(g, { id: `${p}-unplanned`, next_attempt_at: null }),
        jobRow(g, { id: `${p}-paused`, status: JobStatus.Paused, next_attempt_at: T0 - 9 * MINUTE }),
        jobRow(g, { id: `${p}-running`, status: JobStatus.Executing, version: 4, next_attempt_at: T0 - 9 * MINUTE }),
        jobRow(g, { id: `${p}-done`, status: JobStatus.Succeeded, next_attempt_at: T0 - 9 * MINUTE }),
        jobRow(g, { id: `${p}-cancelled`, status: JobStatus.Cancelled, next_attempt_at: T0 - 9 * MINUTE }),
        jobRow(other, { id: `${p}-other-group`, next_attempt_at: T0 - 9 * MINUTE }),
      ]);
      const before = new Map((await readJobs(t, p)).map((j) => [j.id, j]));

      const claimed = await claim(p, { limit: 100, now: T0 });

      expect(ids(claimed)).toEqual([`${p}-early`, `${p}-mid`, `${p}-late`, `${p}-now`]);
      for (const job of claimed) {
        expect(job).toMatchObject({ status: JobStatus.Executing, version: 1, updated_at: T0 });
        expect(await readJob(t, job.id)).toEqual(job);
      }
      // Everything else is exactly as it was.
      const untouched = (await readJobs(t, p)).filter((j) => !ids(claimed).includes(j.id));
      for (const job of untouched) expect(job).toEqual(before.get(job.id));
      expect(await readJob(t, `${p}-other-group`)).toMatchObject({ status: JobStatus.Scheduling, version: 0 });
      // Claimed jobs are no longer due.
      expect(await claim(p, { limit: 100, now: T0 })).toEqual([]);
    });

    it('returns at most `limit` jobs, the earliest due, in due order, even when far more are due', async () => {
      const g = await seedJobGroup(t);
      const p = g.jobGroupId;
      // Due order is the reverse of id and insertion order, so neither can pass for it.
      const rows = Array.from({ length: 2000 }, (_, i) =>
        jobRow(g, { id: `${p}-${String(i).padStart(4, '0')}`, next_attempt_at: T0 - i * 1000 }),
      );
      await insertJobRows(t, rows);
      const expected = rows.map((r) => r.id).reverse();

      const first = await claim(p, { limit: 7 });
      expect(ids(first)).toEqual(expected.slice(0, 7));
      const second = await claim(p, { limit: 500 });
      expect(ids(second)).toEqual(expected.slice(7, 507));
      const counts = await t.db
        .selectFrom('job')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('job_group_id', '=', p)
        .groupBy('status')
        .orderBy('status')
        .execute();
      expect(counts.map((c) => [c.status, Number(c.n)])).toEqual([
        [JobStatus.Scheduling, 1493],
        [JobStatus.Executing, 507],
      ]);
    });

    it('breaks ties in due time by assignment order on SQLite, and claims each tie once everywhere', async () => {
      const g = await seedJobGroup(t);
      const p = g.jobGroupId;
      await insertJobRows(t, [jobRow(g, { id: `${p}-c` }), jobRow(g, { id: `${p}-a` }), jobRow(g, { id: `${p}-b` })]);
      const got = ids(await claim(p, { limit: 2 }));
      if (dialect === 'sqlite') {
        // The index holds equal due times in rowid order, which is assignment order.
        expect(got).toEqual([`${p}-c`, `${p}-a`]);
      } else {
        // PostgreSQL may plan a small table as a scan and sort, which leaves ties unordered: only the
        // count and the rest are promised.
        expect(got).toHaveLength(2);
        expect([...got, ...ids(await claim(p, { limit: 2 }))].sort()).toEqual([`${p}-a`, `${p}-b`, `${p}-c`]);
      }
    });

    it('with onlyOwnCalendar, claims only jobs carrying their own time zone or strategy', async () => {
      const g = await seedJobGroup(t);
      const p = g.jobGroupId;
      const ownStrategy = JSON.stringify({ repeatBy: 'immediate' });
      await insertJobRows(t, [
        jobRow(g, { id: `${p}-group-calendar`, next_attempt_at: T0 - 3 * MINUTE }),
        jobRow(g, { id: `${p}-own-zone`, time_zone: 'Europe/Paris', next_attempt_at: T0 - 2 * MINUTE }),
        jobRow(g, { id: `${p}-own-strategy`, strategy: ownStrategy, next_attempt_at: T0 - 1 * MINUTE }),
      ]);

      const own = await claim(p, { limit: 10, onlyOwnCalendar: true });
      expect(ids(own)).toEqual([`${p}-own-zone`, `${p}-own-strategy`]);
      expect(await readJob(t, `${p}-group-calendar`)).toMatchObject({ status: JobStatus.Scheduling, version: 0 });
      expect(ids(await claim(p, { limit: 10 }))).toEqual([`${p}-group-calendar`]);
    });

    it('gives each due job to at most one of two claimers racing in their own transactions', async () => {
      // PostgreSQL: two connections, SKIP LOCKED. SQLite: one writer, so the two transactions run in turn.
      const g = await seedJobGroup(t);
      const seeded = await seedDueJobs(t, g, { count: 400, dueAt: T0 });
      const race = () =>
        t.db
          .transaction()
          .execute((trx) =>
            claimDueJobs(trx, t.caps, { jobGroupId: g.jobGroupId, now: T0, limit: 150, onlyOwnCalendar: false }),
          );

      const [a, b] = await Promise.all([race(), race()]);

      expect(a).toHaveLength(150);
      expect(b).toHaveLength(150);
      const both = [...ids(a), ...ids(b)];
      expect(new Set(both).size).toBe(300);
      const executing = (await readJobs(t, g.jobGroupId)).filter((j) => j.status === JobStatus.Executing);
      expect(ids(executing).sort()).toEqual([...both].sort());
      expect(executing.every((j) => j.version === 1)).toBe(true);

      // The rest go to the next claims, still once each.
      const [c, d] = await Promise.all([race(), race()]);
      expect([...both, ...ids(c), ...ids(d)].sort()).toEqual([...seeded].sort());
    });

    // SQLite has one connection: a second transaction cannot start while the first is open.
    it.runIf(dialect === 'postgres')(
      'a second claimer skips the jobs a first one holds locked, without waiting for it',
      async () => {
        const g = await seedJobGroup(t);
        await seedDueJobs(t, g, { count: 400, dueAt: T0 });
        const q = { jobGroupId: g.jobGroupId, now: T0, limit: 150, onlyOwnCalendar: false };
        let release!: () => void;
        const held = new Promise<void>((r) => {
          release = r;
        });
        let claimedByA!: (rows: JobRow[]) => void;
        const aClaimed = new Promise<JobRow[]>((r) => {
          claimedByA = r;
        });
        const a = t.db.transaction().execute(async (trx) => {
          claimedByA(await claimDueJobs(trx, t.caps, q));
          await held; // A keeps its row locks, uncommitted, until B is done.
        });
        const rowsA = await aClaimed;
        const rowsB = await t.db.transaction().execute((trx) => claimDueJobs(trx, t.caps, q));
        release();
        await a;

        expect(rowsA).toHaveLength(150);
        expect(rowsB).toHaveLength(150);
        expect(new Set([...ids(rowsA), ...ids(rowsB)]).size).toBe(300);
      },
    );
  });
}
