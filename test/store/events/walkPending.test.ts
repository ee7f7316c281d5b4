import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../src/core/random.js';
import { insertDeliveries, type NewDelivery } from '../../../src/store/events/insertDeliveries.js';
import {
  noteInserted,
  noteSends,
  WALK_MEMO_MS,
  type WalkMemoSlot,
  walkPending,
} from '../../../src/store/events/walkPending.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';
import { webhookSubscriptions } from '../../support/webhookSubscriptions.js';

const T0 = Date.UTC(2026, 0, 5);

/** A delivery of `jobId` that occurred `age` ms after T0. */
const rowOf =
  (subscriptionId: string) =>
  (id: string, jobId: string, age: number): NewDelivery => ({
    id,
    subscriptionId,
    eventId: `ev-${id}`,
    jobId,
    occurredAt: T0 + age,
  });

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: a walk that starts from what earlier walks learned`, () => {
    let t: TestStore;
    let newSubscription: () => Promise<string>;
    beforeAll(async () => {
      t = await openTestStore(dialect);
      newSubscription = await webhookSubscriptions(t, T0);
    });
    afterAll(() => t.drop());

    const fail = (ids: string[], dueAt: number) =>
      t.db
        .updateTable('delivery')
        .set({ owner: null, lease_until: null, next_attempt_at: dueAt })
        .where('id', 'in', ids)
        .execute();

    it('finds what a walk from the start finds, through claims, failed and delivered sends, new events and time', async () => {
      const subscriptionId = await newSubscription();
      const random = createSeededRandom(20261202);
      let seq = 0;
      const memo: WalkMemoSlot = { memo: null };
      const add = async (count: number, at: number, now: number) => {
        const rows: NewDelivery[] = Array.from({ length: count }, () => {
          const n = seq++;
          return {
            id: `d-${String(n).padStart(6, '0')}`,
            subscriptionId,
            eventId: `e-${n}`,
            jobId: `job-${Math.floor(random.next() * 25)}`,
            occurredAt: at + n,
          };
        });
        await insertDeliveries(t.db, t.caps, rows, now);
        for (const r of rows) noteInserted(memo, r.occurredAt, r.id);
      };
      await add(300, T0, T0);
      let now = T0;
      let usedMemo = 0;
      for (let step = 0; step < 120; step++) {
        now += Math.floor(random.next() * 1_500);
        const limit = 1 + Math.floor(random.next() * 8);
        const walk = { subscriptionId, now, limit };
        const expected = await walkPending(t.db, walk);
        if ((memo.memo?.heads.size ?? 0) > 0) usedMemo++;
        expect(await walkPending(t.db, walk, memo), `step ${step}`).toEqual(expected);

        // Claim what was found; some sends end at once: delivered, or failed with a retry up to 20 s away.
        await t.db
          .updateTable('delivery')
          .set({ owner: 'me', lease_until: now + 60_000 })
          .where('id', 'in', expected.length > 0 ? expected : ['none'])
          .execute();
        const leased = (
          await t.db
            .selectFrom('delivery')
            .select('id')
            .where('subscription_id', '=', subscriptionId)
            .where('owner', '=', 'me')
            .where('status', '=', 'pending')
            .execute()
        ).map((r) => r.id);
        for (const id of leased) {
          const r = random.next();
          if (r < 0.3) {
            await t.db.updateTable('delivery').set({ status: 'delivered', owner: null }).where('id', '=', id).execute();
            noteSends(memo, [{ deliveryId: id, dueAt: null }]);
          } else if (r < 0.8) {
            const dueAt = now + Math.floor(random.next() * 20_000);
            await fail([id], dueAt);
            noteSends(memo, [{ deliveryId: id, dueAt }]);
          }
        }
        // New events, most of them the newest, some committed late (older than deliveries already walked).
        const r = random.next();
        if (r < 0.2) await add(1 + Math.floor(random.next() * 10), T0 + 1_000_000 + step * 100, now);
        else if (r < 0.3) await add(1 + Math.floor(random.next() * 3), T0 + Math.floor(random.next() * 300), now);
      }
      // The walks did start from a memo, often: the equality above was not only between fresh walks.
      expect(usedMemo).toBeGreaterThan(20);
    });

    it('skips a long blocked backlog it has walked once, and forgets it after a while', async () => {
      const subscriptionId = await newSubscription();
      const rows: NewDelivery[] = Array.from({ length: 2_000 }, (_, n) => ({
        id: `b-${String(n).padStart(6, '0')}`,
        subscriptionId,
        eventId: `be-${n}`,
        jobId: `blocked-${n % 400}`,
        occurredAt: T0 + n,
      }));
      await insertDeliveries(t.db, t.caps, rows, T0);
      const heads = rows.slice(0, 400).map((r) => r.id);
      await fail(heads, T0 + 60_000);
      const memo: WalkMemoSlot = { memo: null };
      expect(await walkPending(t.db, { subscriptionId, now: T0, limit: 10 }, memo)).toEqual([]);
      expect(memo.memo?.heads.size).toBe(400);

      // A new job's delivery after the backlog: found without reading the backlog again.
      await insertDeliveries(
        t.db,
        t.caps,
        [{ id: 'z-new', subscriptionId, eventId: 'z-e', jobId: 'fresh', occurredAt: T0 + 10_000 }],
        T0,
      );
      expect(await walkPending(t.db, { subscriptionId, now: T0 + 1_000, limit: 10 }, memo)).toEqual(['z-new']);

      // A head made due by someone else (a replay) is seen once the memo is forgotten; meanwhile the memo holds
      // the one it gave out as sent by its dispatcher.
      await fail([heads[7] as string], T0);
      expect(await walkPending(t.db, { subscriptionId, now: T0 + 2_000, limit: 10 }, memo)).toEqual([]);
      const later = T0 + 2_000 + WALK_MEMO_MS + 1;
      expect(await walkPending(t.db, { subscriptionId, now: later, limit: 10 }, memo)).toEqual([heads[7], 'z-new']);
    });

    it('news of a send that arrives while a walk reads is applied by the next walk, not lost under it', async () => {
      const subscriptionId = await newSubscription();
      const row = rowOf(subscriptionId);
      await insertDeliveries(t.db, t.caps, [row('r1', 'j1', 1), row('r2', 'j2', 2), row('r3', 'j2', 3)], T0);
      await fail(['r1'], T0 + 60_000);
      const memo: WalkMemoSlot = { memo: null };
      expect(await walkPending(t.db, { subscriptionId, now: T0, limit: 10 }, memo)).toEqual(['r2']);

      // r2 is delivered; the news comes while the next walk reads (it finds a new delivery, r4).
      await t.db.updateTable('delivery').set({ status: 'delivered' }).where('id', '=', 'r2').execute();
      await insertDeliveries(t.db, t.caps, [row('r4', 'j4', 4)], T0);
      noteInserted(memo, T0 + 4, 'r4');
      const reading = walkPending(t.db, { subscriptionId, now: T0 + 10, limit: 10 }, memo);
      noteSends(memo, [{ deliveryId: 'r2', dueAt: null }]);
      expect(await reading).toEqual(['r4']);
      await t.db
        .updateTable('delivery')
        .set({ owner: 'me', lease_until: T0 + 60_000 })
        .where('id', '=', 'r4')
        .execute();
      // Job j2 moves on to r3, which the memo had passed: the next walk goes back for it.
      expect(await walkPending(t.db, { subscriptionId, now: T0 + 20, limit: 10 }, memo)).toEqual(['r3']);
    });

    it('a send that ends while a walk reads the delivery as leased is not remembered as still in flight', async () => {
      const subscriptionId = await newSubscription();
      const row = rowOf(subscriptionId);
      await insertDeliveries(t.db, t.caps, [row('x1', 'jx', 1), row('x2', 'jx', 2)], T0);
      await t.db
        .updateTable('delivery')
        .set({ owner: 'me', lease_until: T0 + 60_000 })
        .where('id', '=', 'x1')
        .execute();
      const memo: WalkMemoSlot = { memo: null };
      // The walk reads x1 leased; its send ends (delivered) before the walk has taken the rows in.
      const reading = walkPending(t.db, { subscriptionId, now: T0, limit: 10 }, memo);
      noteSends(memo, [{ deliveryId: 'x1', dueAt: null }]);
      expect(await reading).toEqual([]);
      await t.db.updateTable('delivery').set({ status: 'delivered', owner: null }).where('id', '=', 'x1').execute();
      expect(await walkPending(t.db, { subscriptionId, now: T0 + 10, limit: 10 }, memo)).toEqual(['x2']);
    });
  });
}
