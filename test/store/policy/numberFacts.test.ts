import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredPolicyRows } from '../../../src/store/policy/deleteExpiredPolicyRows.js';
import { numberFacts } from '../../../src/store/policy/numberFacts.js';
import { recordDials } from '../../../src/store/policy/recordDials.js';
import { recordNumberOutcome, recordNumberOutcomes } from '../../../src/store/policy/recordNumberOutcome.js';
import { MINUTE, T0 } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const DAY = 86_400_000;

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: number facts`, () => {
    let t: TestStore;
    let n = 0;
    const instance = () => `inst-${dialect}-${n++}`;
    beforeAll(async () => {
      t = await openTestStore(dialect);
    });
    afterAll(() => t.drop());

    it("counts a number's attempts of the last 8 days across jobs, and each job's own", async () => {
      const i = instance();
      const a = '+8613800000001';
      await recordDials(t.db, [
        { instanceId: i, number: a, at: T0 - 9 * DAY, jobId: 'job-1' },
        { instanceId: i, number: a, at: T0 - 2 * DAY, jobId: 'job-2' },
        { instanceId: i, number: a, at: T0 - 5 * MINUTE, jobId: 'job-1' },
        { instanceId: i, number: a, at: T0 - 3 * DAY, jobId: 'job-1' },
        { instanceId: 'another-instance', number: a, at: T0 - MINUTE, jobId: 'job-9' },
        { instanceId: i, number: '+8613800000002', at: T0 - MINUTE, jobId: 'job-3' },
      ]);
      // The same attempt recorded again changes nothing.
      await recordDials(t.db, [{ instanceId: i, number: a, at: T0 - 5 * MINUTE, jobId: 'job-1' }]);

      const facts = await numberFacts(
        t.db,
        i,
        [
          { jobId: 'job-1', number: a },
          { jobId: 'job-2', number: a },
          { jobId: 'job-4', number: '+8613800000009' },
        ],
        T0,
      );
      expect(facts.get('job-1')).toEqual({
        recentDials: [T0 - 3 * DAY, T0 - 2 * DAY, T0 - 5 * MINUTE],
        jobDials: [T0 - 3 * DAY, T0 - 5 * MINUTE],
        lastAnsweredAt: null,
        emptyAt: null,
      });
      expect(facts.get('job-2')?.jobDials).toEqual([T0 - 2 * DAY]);
      expect(facts.get('job-4')).toEqual({ recentDials: [], jobDials: [], lastAnsweredAt: null, emptyAt: null });
    });

    it('a batch of outcomes gives what they give one by one, several of one number included', async () => {
      const i = instance();
      const [x, y] = ['+8613900000101', '+8613900000102'];
      await recordDials(t.db, [
        { instanceId: i, number: x, at: T0 - 30 * MINUTE, jobId: 'a' },
        { instanceId: i, number: x, at: T0 - 20 * MINUTE, jobId: 'b' },
        { instanceId: i, number: y, at: T0 - 20 * MINUTE, jobId: 'c' },
        { instanceId: i, number: y, at: T0 - 10 * MINUTE, jobId: 'd' },
      ]);
      await recordNumberOutcomes(t.db, [
        // x: found empty, then answered later in the same batch: it exists.
        { instanceId: i, number: x, at: T0 - 30 * MINUTE, jobId: 'a', answered: false, empty: true },
        { instanceId: i, number: x, at: T0 - 20 * MINUTE, jobId: 'b', answered: true, empty: false },
        // y: answered, then found empty later: empty from then on.
        { instanceId: i, number: y, at: T0 - 20 * MINUTE, jobId: 'c', answered: true, empty: false },
        { instanceId: i, number: y, at: T0 - 10 * MINUTE, jobId: 'd', answered: false, empty: true },
      ]);
      const facts = await numberFacts(
        t.db,
        i,
        [
          { jobId: 'x', number: x },
          { jobId: 'y', number: y },
        ],
        T0,
      );
      expect(facts.get('x')).toMatchObject({ emptyAt: null, lastAnsweredAt: T0 - 20 * MINUTE });
      expect(facts.get('y')).toMatchObject({ emptyAt: T0 - 10 * MINUTE, lastAnsweredAt: T0 - 20 * MINUTE });
      const marked = await t.db
        .selectFrom('number_dial')
        .select(['job_id', 'answered'])
        .where('instance_id', '=', i)
        .orderBy('job_id')
        .execute();
      expect(marked.map((r) => `${r.job_id}:${r.answered}`)).toEqual(['a:0', 'b:1', 'c:1', 'd:0']);
    });

    it('remembers an empty number until a later attempt is answered, whatever order outcomes arrive in', async () => {
      const i = instance();
      const x = '+8613900000001';
      const facts = async () => (await numberFacts(t.db, i, [{ jobId: 'j', number: x }], T0)).get('j');
      await recordNumberOutcome(t.db, {
        instanceId: i,
        number: x,
        at: T0 - 3 * DAY,
        jobId: 'j',
        answered: false,
        empty: false,
      });
      expect(await facts()).toMatchObject({ emptyAt: null, lastAnsweredAt: null });

      await recordNumberOutcome(t.db, {
        instanceId: i,
        number: x,
        at: T0 - 2 * DAY,
        jobId: 'j',
        answered: false,
        empty: true,
      });
      expect(await facts()).toMatchObject({ emptyAt: T0 - 2 * DAY, lastAnsweredAt: null });
      // An answer from before the empty finding, arriving late, leaves it.
      await recordNumberOutcome(t.db, {
        instanceId: i,
        number: x,
        at: T0 - 3 * DAY,
        jobId: 'j',
        answered: true,
        empty: false,
      });
      expect(await facts()).toMatchObject({ emptyAt: T0 - 2 * DAY, lastAnsweredAt: T0 - 3 * DAY });
      // A later answer proves the number exists again.
      await recordNumberOutcome(t.db, {
        instanceId: i,
        number: x,
        at: T0 - DAY,
        jobId: 'j',
        answered: true,
        empty: false,
      });
      expect(await facts()).toMatchObject({ emptyAt: null, lastAnsweredAt: T0 - DAY });
      // An older answer never moves the last one back.
      await recordNumberOutcome(t.db, {
        instanceId: i,
        number: x,
        at: T0 - 2 * DAY,
        jobId: 'j',
        answered: true,
        empty: false,
      });
      expect(await facts()).toMatchObject({ lastAnsweredAt: T0 - DAY });
    });

    it('marks the answered attempt and keeps the memory per instance', async () => {
      const i = instance();
      const x = '+8613900000002';
      await recordDials(t.db, [{ instanceId: i, number: x, at: T0 - MINUTE, jobId: 'j' }]);
      await recordNumberOutcome(t.db, {
        instanceId: i,
        number: x,
        at: T0 - MINUTE,
        jobId: 'j',
        answered: true,
        empty: false,
      });
      const row = await t.db.selectFrom('number_dial').select('answered').where('instance_id', '=', i).execute();
      expect(row).toEqual([{ answered: 1 }]);
      const elsewhere = await numberFacts(t.db, instance(), [{ jobId: 'j', number: x }], T0);
      expect(elsewhere.get('j')?.lastAnsweredAt).toBeNull();
    });

    it('the cleanup deletes attempts older than 8 days and nothing newer', async () => {
      const i = instance();
      const x = '+8613900000003';
      await recordDials(t.db, [
        { instanceId: i, number: x, at: T0 + 100 * DAY - 8 * DAY - 1, jobId: 'old' },
        { instanceId: i, number: x, at: T0 + 100 * DAY - 8 * DAY, jobId: 'kept' },
      ]);
      const removed = await deleteExpiredPolicyRows(t.db, T0 + 100 * DAY);
      expect(removed.dials).toBeGreaterThanOrEqual(1);
      const left = await t.db.selectFrom('number_dial').select('job_id').where('instance_id', '=', i).execute();
      expect(left).toEqual([{ job_id: 'kept' }]);
    });
  });
}
