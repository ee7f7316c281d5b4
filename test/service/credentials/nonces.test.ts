import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutdialError } from '../../../src/core/errors.js';
import { createVirtualClock } from '../../../src/core/virtualClock.js';
import { purgeNonces, recordNonce } from '../../../src/service/credentials/nonces.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { testIds } from '../../support/campaign.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
const KEY = 'LTAIabcdefghij0123456789';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: signature nonces`, () => {
    let t: TestStore;
    let deps: ServiceDeps;
    beforeEach(async () => {
      t = await openTestStore(dialect);
      deps = {
        db: t.db,
        caps: t.caps,
        clock: createVirtualClock(T0),
        newId: testIds(),
        defaultCountry: 'CN',
        defaultTimeZone: 'Asia/Shanghai',
      };
    });
    afterEach(() => t.drop());

    it('accepts a nonce once per key, and refuses it the second time', async () => {
      expect(await recordNonce(deps, KEY, 'n-1', T0)).toBe(true);
      expect(await recordNonce(deps, KEY, 'n-1', T0 + 1000)).toBe(false);
      expect(await recordNonce(deps, KEY, 'n-2', T0)).toBe(true);
      expect(await recordNonce(deps, 'LTAIother000000000000000', 'n-1', T0)).toBe(true);
    });

    it('accepts exactly one of ten concurrent uses of one nonce', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => recordNonce(deps, KEY, 'same', T0)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('refuses an empty or over-long nonce, naming it', async () => {
      for (const bad of ['', 'x'.repeat(129)]) {
        const e = await recordNonce(deps, KEY, bad, T0).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(OutdialError);
        expect((e as OutdialError).details.field).toBe('nonce');
      }
      expect(await recordNonce(deps, KEY, 'x'.repeat(128), T0)).toBe(true);
    });

    it('purges only nonces seen before the cut-off, which can then be used again', async () => {
      await recordNonce(deps, KEY, 'old', T0);
      await recordNonce(deps, KEY, 'edge', T0 + 60_000);
      await recordNonce(deps, KEY, 'new', T0 + 120_000);
      expect(await purgeNonces(deps, T0 + 60_000)).toBe(1);
      const left = await t.db.selectFrom('request_nonce').select('nonce').orderBy('nonce').execute();
      expect(left.map((r) => r.nonce)).toEqual(['edge', 'new']);
      expect(await recordNonce(deps, KEY, 'edge', T0 + 130_000)).toBe(false);
      expect(await purgeNonces(deps, T0 + 60_000)).toBe(0);
    });
  });
}
