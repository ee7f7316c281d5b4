import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countListEntries } from '../../../src/store/policy/countListEntries.js';
import { deleteExpiredPolicyRows } from '../../../src/store/policy/deleteExpiredPolicyRows.js';
import { deleteListEntries } from '../../../src/store/policy/deleteListEntries.js';
import { listListEntries } from '../../../src/store/policy/listListEntries.js';
import { upsertListEntries } from '../../../src/store/policy/upsertListEntries.js';
import { T0 } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const DAY = 86_400_000;

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: block and allow list entries`, () => {
    let t: TestStore;
    let n = 0;
    const instance = () => `inst-${dialect}-${n++}`;
    beforeAll(async () => {
      t = await openTestStore(dialect);
    });
    afterAll(() => t.drop());

    it('an upsert updates reason and expiry, keeps the first created_at, and keeps a reason when none is given', async () => {
      const i = instance();
      const entry = { scope: i, list: 'block' as const, pattern: '+8613800000000' };
      await upsertListEntries(t.db, t.caps, [{ ...entry, reason: 'complaint', expiresAt: T0 + DAY }], T0);
      await upsertListEntries(t.db, t.caps, [{ ...entry, reason: '', expiresAt: null }], T0 + 5);
      const [kept] = await listListEntries(t.db, { scope: i, list: 'block', now: T0 }, { limit: 10 });
      expect(kept).toEqual({ ...entry, reason: 'complaint', expiresAt: null, createdAt: T0 });
      await upsertListEntries(t.db, t.caps, [{ ...entry, reason: 'opt-out', expiresAt: null }], T0 + 9);
      expect((await listListEntries(t.db, { scope: i, list: 'block', now: T0 }, { limit: 10 }))[0]?.reason).toBe(
        'opt-out',
      );
    });

    it('keeps any reason text as written', async () => {
      const i = instance();
      const reasons = ['NULL', 'a "quoted", {braced} \\ back\\slash', '投诉 📞', "it's", ''];
      await upsertListEntries(
        t.db,
        t.caps,
        reasons.map((reason, k) => ({
          scope: i,
          list: 'block',
          pattern: `+861380000000${k}`,
          reason,
          expiresAt: null,
        })),
        T0,
      );
      const rows = await listListEntries(t.db, { scope: i, list: 'block', now: T0 }, { limit: 10 });
      expect(rows.map((r) => r.reason)).toEqual(reasons);
    });

    it('writes a batch naming one pattern twice as its last mention', async () => {
      const i = instance();
      const pattern = '+8613800000001';
      const written = await upsertListEntries(
        t.db,
        t.caps,
        [
          { scope: i, list: 'block', pattern, reason: 'first', expiresAt: null },
          { scope: i, list: 'block', pattern, reason: 'second', expiresAt: null },
        ],
        T0,
      );
      expect(written).toBe(1);
      const rows = await listListEntries(t.db, { scope: i, list: 'block', now: T0 }, { limit: 10 });
      expect(rows.map((r) => r.reason)).toEqual(['second']);
    });

    it('lists live entries in pattern order, by prefix, page after page, and counts them', async () => {
      const i = instance();
      const patterns = ['+8613800000002', '+86138*', '+8613800000001', '+8613900000000', '+1415*', '+86*'];
      await upsertListEntries(
        t.db,
        t.caps,
        patterns.map((pattern) => ({ scope: i, list: 'block', pattern, reason: '', expiresAt: null })),
        T0,
      );
      await upsertListEntries(
        t.db,
        t.caps,
        [{ scope: i, list: 'block', pattern: '+8613800000009', reason: '', expiresAt: T0 + DAY }],
        T0,
      );
      const q = { scope: i, list: 'block' as const, now: T0 + DAY };
      const all = await listListEntries(t.db, q, { limit: 100 });
      expect(all.map((e) => e.pattern)).toEqual([...patterns].sort());
      expect(await countListEntries(t.db, q)).toBe(patterns.length);
      // Before its expiry the entry is listed too.
      expect(await countListEntries(t.db, { ...q, now: T0 })).toBe(patterns.length + 1);

      const prefix = { ...q, prefix: '+86138' };
      const first = await listListEntries(t.db, prefix, { limit: 2 });
      const second = await listListEntries(t.db, prefix, { limit: 2, after: first[1]?.pattern });
      expect([...first, ...second].map((e) => e.pattern)).toEqual(['+86138*', '+8613800000001', '+8613800000002']);
      expect(await countListEntries(t.db, prefix)).toBe(3);
      expect((await listListEntries(t.db, prefix, { limit: 2, offset: 2 })).map((e) => e.pattern)).toEqual([
        '+8613800000002',
      ]);
      expect(await listListEntries(t.db, { ...q, list: 'allow' }, { limit: 10 })).toEqual([]);
    });

    it('deletes the named patterns of one list only', async () => {
      const i = instance();
      const base = { scope: i, reason: '', expiresAt: null };
      await upsertListEntries(
        t.db,
        t.caps,
        [
          { ...base, list: 'block', pattern: '+8613800000001' },
          { ...base, list: 'block', pattern: '+8613800000002' },
          { ...base, list: 'allow', pattern: '+8613800000001' },
        ],
        T0,
      );
      expect(await deleteListEntries(t.db, i, 'block', ['+8613800000001', '+8613800000001', '+8610000000000'])).toBe(1);
      const left = async (list: 'block' | 'allow') =>
        (await listListEntries(t.db, { scope: i, list, now: T0 }, { limit: 10 })).map((e) => e.pattern);
      expect(await left('block')).toEqual(['+8613800000002']);
      expect(await left('allow')).toEqual(['+8613800000001']);
    });

    it('the cleanup deletes entries at or past their expiry', async () => {
      const i = instance();
      const base = { scope: i, list: 'block' as const, reason: '' };
      await upsertListEntries(
        t.db,
        t.caps,
        [
          { ...base, pattern: '+8613700000001', expiresAt: T0 },
          { ...base, pattern: '+8613700000002', expiresAt: T0 + 1 },
          { ...base, pattern: '+8613700000003', expiresAt: null },
        ],
        T0 - DAY,
      );
      await deleteExpiredPolicyRows(t.db, T0);
      const rows = await t.db.selectFrom('number_list').select('pattern').where('scope', '=', i).execute();
      expect(rows.map((r) => r.pattern).sort()).toEqual(['+8613700000002', '+8613700000003']);
    });
  });
}
