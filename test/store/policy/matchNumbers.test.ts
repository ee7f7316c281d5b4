import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchNumbers } from '../../../src/store/policy/matchNumbers.js';
import { GLOBAL_SCOPE } from '../../../src/store/policy/numberListEntry.js';
import { type NewListEntry, upsertListEntries } from '../../../src/store/policy/upsertListEntries.js';
import { T0 } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const HOUR = 3_600_000;

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: matchNumbers`, () => {
    let t: TestStore;
    let n = 0;
    /** A fresh instance id, so that each case sees only its own entries (and the global list it adds). */
    const instance = () => `inst-${dialect}-${n++}`;
    const add = (entries: (Partial<NewListEntry> & Pick<NewListEntry, 'scope' | 'pattern'>)[]) =>
      upsertListEntries(
        t.db,
        t.caps,
        entries.map((e) => ({ list: 'block', reason: '', expiresAt: null, ...e })),
        T0,
      );
    beforeAll(async () => {
      t = await openTestStore(dialect);
    });
    afterAll(() => t.drop());

    it('matches a number exactly or by prefix, the most specific pattern winning', async () => {
      const i = instance();
      await add([
        { scope: i, pattern: '+86*', reason: 'country' },
        { scope: i, pattern: '+86138*', reason: 'range' },
        { scope: i, pattern: '+8613800000001', reason: 'exact' },
      ]);
      const found = await matchNumbers(
        t.db,
        t.caps,
        i,
        'block',
        ['+8613800000001', '+8613800000002', '+8613900000000', '+14155550100'],
        T0,
        true,
      );
      expect(Object.fromEntries([...found].map(([k, v]) => [k, v.reason]))).toEqual({
        '+8613800000001': 'exact',
        '+8613800000002': 'range',
        '+8613900000000': 'country',
      });
      expect(found.get('+8613800000002')).toMatchObject({ scope: i, list: 'block', pattern: '+86138*' });
    });

    it("consults the operator's global list only when asked, and prefers the instance's own entry", async () => {
      const i = instance();
      await add([
        { scope: GLOBAL_SCOPE, pattern: '+8613700000000', reason: 'global do-not-call' },
        { scope: GLOBAL_SCOPE, pattern: '+8613600000000', reason: 'global' },
        { scope: i, pattern: '+8613600000000', reason: 'own' },
      ]);
      const numbers = ['+8613700000000', '+8613600000000'];
      const withGlobal = await matchNumbers(t.db, t.caps, i, 'block', numbers, T0, true);
      expect(withGlobal.get('+8613700000000')).toMatchObject({ scope: GLOBAL_SCOPE, reason: 'global do-not-call' });
      expect(withGlobal.get('+8613600000000')).toMatchObject({ scope: i, reason: 'own' });
      const ownOnly = await matchNumbers(t.db, t.caps, i, 'block', numbers, T0, false);
      expect([...ownOnly.keys()]).toEqual(['+8613600000000']);
    });

    it("never matches another instance's entries, the other list, or an expired entry", async () => {
      const i = instance();
      const other = instance();
      await add([
        { scope: other, pattern: '+8615000000000' },
        { scope: i, list: 'allow', pattern: '+8615100000000' },
        { scope: i, pattern: '+8615200000000', expiresAt: T0 + HOUR },
      ]);
      const numbers = ['+8615000000000', '+8615100000000', '+8615200000000'];
      expect([...(await matchNumbers(t.db, t.caps, i, 'block', numbers, T0, true)).keys()]).toEqual(['+8615200000000']);
      // At its expiry the entry stops matching.
      expect((await matchNumbers(t.db, t.caps, i, 'block', numbers, T0 + HOUR, true)).size).toBe(0);
      expect([...(await matchNumbers(t.db, t.caps, i, 'allow', numbers, T0, false)).keys()]).toEqual([
        '+8615100000000',
      ]);
    });

    it('answers a batch larger than one statement carries', async () => {
      const i = instance();
      const numbers = Array.from({ length: 1_200 }, (_, k) => `+86139${String(k).padStart(8, '0')}`);
      await add(numbers.filter((_, k) => k % 3 === 0).map((pattern) => ({ scope: i, pattern })));
      const found = await matchNumbers(t.db, t.caps, i, 'block', numbers, T0, false);
      expect(found.size).toBe(400);
      expect(numbers.filter((x) => found.has(x))).toEqual(numbers.filter((_, k) => k % 3 === 0));
    });
  });
}
