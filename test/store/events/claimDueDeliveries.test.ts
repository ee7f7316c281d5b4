import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDueDeliveries } from '../../../src/store/events/claimDueDeliveries.js';
import { insertDeliveries, type NewDelivery } from '../../../src/store/events/insertDeliveries.js';
import { nextDeliveryAt } from '../../../src/store/events/nextDeliveryAt.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';
import { webhookSubscriptions } from '../../support/webhookSubscriptions.js';

const T0 = Date.UTC(2026, 0, 5);
const MINUTE = 60_000;

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: claimDueDeliveries keeps per-job order`, () => {
    let t: TestStore;
    let subscriptionId: string;
    beforeAll(async () => {
      t = await openTestStore(dialect);
      subscriptionId = await (await webhookSubscriptions(t, T0))();
    });
    afterAll(() => t.drop());

    /** Deliveries of `job` at the given ages (ms after T0), ids `job-age`. */
    const deliveries = (job: string, ages: number[]): NewDelivery[] =>
      ages.map((age) => ({
        id: `${job}-${String(age).padStart(6, '0')}`,
        subscriptionId,
        eventId: `ev-${job}-${age}`,
        jobId: job,
        occurredAt: T0 + age,
      }));
    const claim = async (owner: string, limit = 50, now = T0) =>
      (await claimDueDeliveries(t.db, t.caps, { subscriptionId, owner, now, leaseUntil: now + MINUTE, limit })).map(
        (d) => d.id,
      );

    it('takes the oldest pending delivery of each job only, past a long backlog of one job waiting for a retry', async () => {
      // Job x: 700 deliveries older than every other, the oldest waiting for its retry: all 700 wait.
      await insertDeliveries(
        t.db,
        t.caps,
        deliveries(
          'x',
          Array.from({ length: 700 }, (_, k) => k),
        ),
        T0,
      );
      await t.db
        .updateTable('delivery')
        .set({ attempts: 1, next_attempt_at: T0 + 10 * MINUTE })
        .where('id', '=', 'x-000000')
        .execute();
      await insertDeliveries(
        t.db,
        t.caps,
        [...deliveries('y', [1000, 1001]), ...deliveries('z', [1002]), ...deliveries('w', [1003, 1004])],
        T0,
      );
      // w's oldest is dead: it no longer holds w's next one back.
      await t.db.updateTable('delivery').set({ status: 'dead' }).where('id', '=', 'w-001003').execute();

      expect(await claim('a')).toEqual(['y-001000', 'z-001002', 'w-001004']);
      // Leased ones hold their jobs back too, and are not taken twice.
      expect(await claim('b')).toEqual([]);
      expect(await nextDeliveryAt(t.db, T0)).toBe(T0 + MINUTE); // the leases end first
      // Once y's first is delivered, its second is next; x still waits for its retry time.
      await t.db
        .updateTable('delivery')
        .set({ status: 'delivered', owner: null, lease_until: null })
        .where('id', '=', 'y-001000')
        .execute();
      expect(await claim('b')).toEqual(['y-001001']);
      // Ten minutes on, x's retry is due, and the leases taken above have run out (their dispatchers are gone).
      expect(await claim('c', 50, T0 + 10 * MINUTE)).toEqual(['x-000000', 'y-001001', 'z-001002', 'w-001004']);
    });
  });
}
