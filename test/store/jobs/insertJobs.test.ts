import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobStatus } from '../../../src/core/enums.js';
import { OutdialError } from '../../../src/core/errors.js';
import { assignJobs } from '../../../src/service/assignJobs.js';
import { chunkRows } from '../../../src/store/chunk.js';
import { getJobGroup } from '../../../src/store/jobGroups/getJobGroup.js';
import { insertJobs } from '../../../src/store/jobs/insertJobs.js';
import { insertJobRows, jobInputs, jobRow, readJobs, seedJobGroup, T0 } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: insertJobs`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(dialect);
    });
    afterAll(() => t.drop());

    const countJobs = async (jobGroupId: string) =>
      Number(
        (
          await t.db
            .selectFrom('job')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('job_group_id', '=', jobGroupId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('stores every row of a 5,000-job batch that spans several statements', async () => {
      const g = await seedJobGroup(t);
      const rows = Array.from({ length: 5000 }, (_, i) =>
        jobRow(g, {
          id: `${g.jobGroupId}-${i}`,
          priority: i % 101,
          phone_number: `+86138${String(i).padStart(8, '0')}`,
          next_attempt_at: T0 + i,
          extras: JSON.stringify([{ key: 'i', value: String(i) }]),
        }),
      );
      // At the backend's real parameter limit the batch needs more than one statement.
      expect(chunkRows(rows, t.caps.maxParameters).length).toBeGreaterThan(1);

      await t.db.transaction().execute((trx) => insertJobs(trx, t.caps, rows));

      const stored = await readJobs(t, g.jobGroupId);
      expect(stored).toHaveLength(5000);
      const byId = new Map(stored.map((r) => [r.id, r]));
      for (const row of rows) expect(byId.get(row.id)).toEqual(row);
    });

    it('assigns 5,000 jobs through the service in one batch', async () => {
      const g = await seedJobGroup(t);
      const { jobIds } = await assignJobs(g.deps, { jobGroupId: g.jobGroupId, jobs: jobInputs(5000) });
      expect(new Set(jobIds).size).toBe(5000);
      const stored = await readJobs(t, g.jobGroupId);
      expect(stored.map((j) => j.id).sort()).toEqual([...jobIds].sort());
      expect(stored.every((j) => j.status === JobStatus.Scheduling && j.next_attempt_at === T0)).toBe(true);
      expect((await getJobGroup(t.db, g.jobGroupId))?.status).toBe('Scheduling');
    });

    it('rejects a second job with the same referenceId in a group, but not in another group', async () => {
      const g = await seedJobGroup(t);
      const other = await seedJobGroup(t);
      await insertJobRows(t, [jobRow(g, { id: `${g.jobGroupId}-1`, reference_id: 'same' })]);

      await expect(insertJobRows(t, [jobRow(g, { id: `${g.jobGroupId}-2`, reference_id: 'same' })])).rejects.toThrow(
        /unique/i,
      );
      await insertJobRows(t, [jobRow(other, { id: `${other.jobGroupId}-1`, reference_id: 'same' })]);
      expect(await countJobs(g.jobGroupId)).toBe(1);
      expect(await countJobs(other.jobGroupId)).toBe(1);
    });

    it('turns a taken referenceId into DUPLICATE_REFERENCE_ID naming the job, and stores nothing of that batch', async () => {
      const g = await seedJobGroup(t);
      await assignJobs(g.deps, { jobGroupId: g.jobGroupId, jobs: jobInputs(100) });
      const groupBefore = await getJobGroup(t.db, g.jobGroupId);
      // 5,000 new jobs, the one at index 4,990 reusing ref-42: the statements before the failing one
      // have run inside the batch's transaction and must be rolled back with it.
      const batch = jobInputs(5000, 1000);
      batch[4990] = { referenceId: 'ref-42', contacts: [{ phoneNumber: '13900000000' }] };

      const error = await assignJobs(g.deps, { jobGroupId: g.jobGroupId, jobs: batch }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(OutdialError);
      expect(error).toMatchObject({
        code: 'DUPLICATE_REFERENCE_ID',
        details: { field: 'jobs[4990].referenceId', value: 'ref-42' },
      });
      expect((error as Error).message).toContain('jobs[4990].referenceId');
      expect(await countJobs(g.jobGroupId)).toBe(100);
      expect(await getJobGroup(t.db, g.jobGroupId)).toEqual(groupBefore);
    });

    it('rolls back the group status change with the refused jobs', async () => {
      const g = await seedJobGroup(t);
      // A job stored without going through assignJobs: the group is still Draft.
      await insertJobRows(t, [jobRow(g, { id: `${g.jobGroupId}-x`, reference_id: 'ref-2999' })]);
      const error = await assignJobs(g.deps, { jobGroupId: g.jobGroupId, jobs: jobInputs(3000) }).catch((e) => e);
      expect(error).toMatchObject({ code: 'DUPLICATE_REFERENCE_ID', details: { field: 'jobs[2999].referenceId' } });
      expect(await countJobs(g.jobGroupId)).toBe(1);
      expect(await getJobGroup(t.db, g.jobGroupId)).toMatchObject({ status: 'Draft', version: 0 });
    });
  });
}
