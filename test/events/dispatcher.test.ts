import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobEventType } from '../../src/core/events.js';
import { createVirtualClock, type VirtualClock } from '../../src/core/virtualClock.js';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from '../../src/events/dispatcher.js';
import { webhookSignature } from '../../src/events/sinks/webhook.js';
import {
  createSubscription,
  listDeliveries,
  replayDeliveries,
  type SubscriptionDeps,
  type SubscriptionInput,
} from '../../src/events/subscriptions/index.js';
import { createInstance } from '../../src/service/createInstance.js';
import { createSecretBox } from '../../src/service/credentials/secretBox.js';
import { claimDueDeliveries } from '../../src/store/events/claimDueDeliveries.js';
import { insertEvents } from '../../src/store/events/insertEvents.js';
import { silentLog, testIds } from '../support/campaign.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/testStore.js';
import { drive, eventually, outboxEvent, type Receiver, STUB_FORMATS, startReceiver } from './dispatchHarness.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
const S = 1000;

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: the dispatcher delivers the outbox`, () => {
    let t: TestStore;
    let clock: VirtualClock;
    let deps: SubscriptionDeps;
    let instanceId: string;
    const receivers: Receiver[] = [];
    const dispatchers: Dispatcher[] = [];

    beforeEach(async () => {
      t = await openTestStore(dialect);
      clock = createVirtualClock(T0);
      deps = { db: t.db, clock, newId: testIds(), box: createSecretBox(randomBytes(32)), formats: STUB_FORMATS };
      instanceId = (
        await createInstance(
          { ...deps, caps: t.caps, defaultCountry: 'CN', defaultTimeZone: 'Asia/Shanghai' },
          { name: 'events' },
        )
      ).id;
    });
    afterEach(async () => {
      for (const d of dispatchers.splice(0)) await d.stop({ drainMs: 0 });
      for (const r of receivers.splice(0)) await r.close();
      await t.drop();
    });

    const receiver = async (...a: Parameters<typeof startReceiver> extends [unknown, ...infer R] ? R : never) => {
      const r = await startReceiver(clock, ...a);
      receivers.push(r);
      return r;
    };
    const dispatcher = (options: Partial<DispatcherOptions> = {}, owner?: string) => {
      const d = createDispatcher({
        db: t.db,
        caps: t.caps,
        clock,
        log: silentLog,
        box: deps.box,
        formats: STUB_FORMATS,
        ...(owner ? { owner } : {}),
        options: { pollMs: 3_600_000, ...options },
      });
      dispatchers.push(d);
      return d;
    };
    const subscribe = (url: string, o: Partial<SubscriptionInput> = {}) =>
      createSubscription(deps, {
        instanceId,
        name: 'hook',
        sink: 'webhook',
        format: 'cloudevents',
        config: { url },
        ...o,
      });
    const write = (events: { id: string; type: JobEventType; at: number; jobId: string; jobGroupId?: string }[]) =>
      insertEvents(
        t.db,
        t.caps,
        events.map((e) => outboxEvent({ instanceId, jobGroupId: 'g1', ...e })),
      );
    const attemptTimes = async (eventId: string) =>
      (
        await t.db
          .selectFrom('delivery_attempt')
          .innerJoin('delivery', 'delivery.id', 'delivery_attempt.delivery_id')
          .select(['delivery_attempt.at', 'delivery_attempt.ok', 'delivery_attempt.error'])
          .where('delivery.event_id', '=', eventId)
          .orderBy('delivery_attempt.attempt')
          .execute()
      ).map((a) => ({ at: a.at - T0, ok: a.ok === 1, error: a.error }));

    it('retries on the schedule through errors, an outage and wrong replies, and delivers every event in job order', async () => {
      // Fails with 500 at first, is down (connections dropped) until 100 s, then answers "fail" until 200 s.
      const rx = await receiver(({ at }) => {
        const s = (at - T0) / S;
        if (s < 5) return { status: 500, body: 'oops' };
        if (s < 100) return 'drop';
        if (s < 200) return { status: 200, body: 'fail' };
        return { status: 200, body: ' success\n' };
      });
      const sub = await subscribe(rx.url, {
        ackMode: 'success-body',
        retry: { scheduleSeconds: [10, 20, 40, 80, 160, 320] },
      });
      await write([
        { id: 'a1', type: 'Dialing', at: T0 - 3 * S, jobId: 'jobA' },
        { id: 'b1', type: 'Dialing', at: T0 - 3 * S, jobId: 'jobB' },
        // Same instant: CallFinished goes before JobComplete.
        { id: 'a3', type: 'JobComplete', at: T0 - S, jobId: 'jobA' },
        { id: 'a2', type: 'CallFinished', at: T0 - S, jobId: 'jobA' },
        { id: 'b2', type: 'CallFinished', at: T0 - 2 * S, jobId: 'jobB' },
      ]);
      const d = dispatcher();
      d.start();
      // Polling once an hour: every wake-up before that comes from a scheduled retry.
      await drive(clock, d, () => rx.acked().length === 5, 50);

      const order = (job: string) =>
        rx
          .acked()
          .filter((r) => r.jobId === job)
          .map((r) => r.eventId);
      expect(order('jobA')).toEqual(['a1', 'a2', 'a3']);
      expect(order('jobB')).toEqual(['b1', 'b2']);
      // Exactly the scheduled gaps, measured on the clock: 0, +10, +20, +40, +80, +160 s.
      for (const first of ['a1', 'b1']) {
        const tries = await attemptTimes(first);
        expect(tries.map((a) => a.at / S)).toEqual([0, 10, 30, 70, 150, 310]);
        expect(tries.map((a) => a.ok)).toEqual([false, false, false, false, false, true]);
        expect(tries[0]?.error).toMatch(/HTTP 500/);
        expect(tries[4]?.error).toMatch(/not "success"/);
      }
      // Later events of a job waited for the first: sent once, right after it.
      expect(await attemptTimes('a2')).toEqual([{ at: 310 * S, ok: true, error: null }]);
      expect(rx.received.filter((r) => r.eventId === 'a2')).toHaveLength(1);
      // Every request is signed with the subscription's secret over timestamp.body.
      const any = rx.received[0];
      expect(any?.headers['x-outdial-signature']).toBe(
        webhookSignature(sub.secret as string, Number(any?.headers['x-outdial-timestamp']), any?.body ?? ''),
      );
      const page = await listDeliveries(deps, instanceId, sub.id, { limit: 10, status: 'delivered' });
      expect(page.items).toHaveLength(5);
    });

    it('lets a delivery die after its last retry, sends the job’s later events, and replays the dead ones', async () => {
      let up = false;
      const rx = await receiver(() => (up ? { status: 204 } : { status: 503 }));
      const sub = await subscribe(rx.url, { retry: { scheduleSeconds: [5, 5] } });
      await write([
        { id: 'e1', type: 'Dialing', at: T0 - 2 * S, jobId: 'job' },
        { id: 'e2', type: 'CallFinished', at: T0 - S, jobId: 'job' },
      ]);
      const d = dispatcher();
      d.start();
      const dead = async () => (await listDeliveries(deps, instanceId, sub.id, { limit: 10, status: 'dead' })).items;
      await drive(clock, d, async () => (await dead()).length === 2);
      // e1 tried at 0, 5, 10 then died; only then did e2 go, at 10, 15, 20.
      expect((await attemptTimes('e1')).map((a) => a.at / S)).toEqual([0, 5, 10]);
      expect((await attemptTimes('e2')).map((a) => a.at / S)).toEqual([10, 15, 20]);
      expect(rx.acked()).toHaveLength(0);

      up = true;
      clock.set(T0 + 3600 * S);
      expect(await replayDeliveries(deps, instanceId, sub.id, { status: 'dead' })).toEqual({ requeued: 2 });
      d.wake();
      await drive(clock, d, () => rx.acked().length === 2);
      expect(rx.acked().map((r) => r.eventId)).toEqual(['e1', 'e2']);
      const [one] = (await listDeliveries(deps, instanceId, sub.id, { limit: 10 })).items.filter(
        (x) => x.eventId === 'e1',
      );
      expect(one?.status).toBe('delivered');
      expect(one?.attempts.map((a) => [a.attempt, a.ok])).toEqual([
        [1, false],
        [2, false],
        [3, false],
        [4, true],
      ]);
    });

    it('a replayed delivery goes out at once, though the walks had passed it', async () => {
      let up = false;
      const rx = await receiver(() => (up ? { status: 204 } : { status: 503 }));
      const sub = await subscribe(rx.url, { retry: { scheduleSeconds: [2] } });
      await write([
        { id: 'e1', type: 'Dialing', at: T0 - 2 * S, jobId: 'a' },
        { id: 'e2', type: 'Dialing', at: T0 - S, jobId: 'b' },
      ]);
      const d = dispatcher();
      d.start();
      // e2 is held by another dispatcher for an hour: the walks go past e1 to it, and remember where they stopped.
      await eventually(async () => (await t.db.selectFrom('delivery').select('id').execute()).length === 2);
      await t.db
        .updateTable('delivery')
        .set({ owner: 'other', lease_until: T0 + 3600 * S })
        .where('event_id', '=', 'e2')
        .execute();
      const dead = async () => (await listDeliveries(deps, instanceId, sub.id, { limit: 10, status: 'dead' })).items;
      await drive(clock, d, async () => (await dead()).length === 1);
      const diedAt = clock.now();

      up = true;
      expect(await replayDeliveries(deps, instanceId, sub.id, { status: 'dead' })).toEqual({ requeued: 1 });
      d.wake({ rewalk: true });
      // Time stands still: the replay is sent now, not when the dispatcher would next read from the start.
      await eventually(() => rx.acked().length === 1);
      expect(clock.now()).toBe(diedAt);
    });

    it('a receiver that never answers holds only its own subscription’s sends', async () => {
      const slow = await receiver(() => 'hang');
      const fast = await receiver(() => ({ status: 200 }));
      await subscribe(slow.url, { name: 'slow', timeoutMs: 2_000, retry: { scheduleSeconds: [60] } });
      const fastSub = await subscribe(fast.url, { name: 'fast' });
      await write(
        Array.from({ length: 30 }, (_, i) => ({ id: `e${i}`, type: 'Dialing' as const, at: T0, jobId: `job${i}` })),
      );
      const d = dispatcher({ perSubscription: 8 });
      d.start();
      d.wake();
      // Time stands still: the slow receiver's sends stay open, yet every fast delivery arrives.
      await eventually(() => fast.acked().length === 30);
      expect(clock.now()).toBe(T0);
      await eventually(() => d.inFlight() === 8);
      expect(slow.open()).toBe(8);
      const delivered = await listDeliveries(deps, instanceId, fastSub.id, { limit: 100, status: 'delivered' });
      expect(delivered.items).toHaveLength(30);

      // At the timeout the slow sends fail and the next ones go out.
      await clock.advanceBy(2_000);
      await eventually(
        async () => (await t.db.selectFrom('delivery_attempt').select('ok').where('ok', '=', 0).execute()).length === 8,
      );
      await eventually(() => slow.received.length === 16);
      const failed = await t.db.selectFrom('delivery_attempt').select('error').where('ok', '=', 0).execute();
      expect(failed.every((f) => f.error === 'no reply within 2000 ms')).toBe(true);
    });

    it('a delivery leased by a dispatcher that died is sent again, with the same event id, once the lease ends', async () => {
      const rx = await receiver(() => ({ status: 200 }));
      const sub = await subscribe(rx.url);
      await write([{ id: 'ev-1', type: 'JobComplete', at: T0, jobId: 'job' }]);
      const first = dispatcher();
      first.start();
      await first.whenIdle();
      await first.stop({ drainMs: 0 });
      // Delivered once already? Put it back as a killed process would leave it: pending, leased, mid-send.
      await t.db.updateTable('delivery').set({ status: 'pending', delivered_at: null }).execute();
      const claimed = await claimDueDeliveries(t.db, t.caps, {
        subscriptionId: sub.id,
        owner: 'killed',
        now: clock.now(),
        leaseUntil: T0 + 90 * S,
        limit: 10,
      });
      expect(claimed).toHaveLength(1);
      const d = dispatcher();
      d.start();
      await drive(clock, d, () => rx.received.length === 2);
      expect(rx.received.map((r) => r.eventId)).toEqual(['ev-1', 'ev-1']);
      expect(rx.received[1]?.at).toBe(T0 + 90 * S);
    });

    it.runIf(dialect === 'postgres')(
      'two dispatchers on one database never send a delivery twice at once',
      async () => {
        const open = new Map<string, number>();
        let overlaps = 0;
        // Each request stays open a little while, so the two dispatchers' sends overlap in time.
        const rx = await receiver(({ eventId }) => {
          const n = (open.get(eventId) ?? 0) + 1;
          open.set(eventId, n);
          if (n > 1) overlaps++;
          setTimeout(() => open.set(eventId, (open.get(eventId) ?? 1) - 1), 3);
          return { status: 200 };
        });
        const sub = await subscribe(rx.url);
        const events = Array.from({ length: 240 }, (_, i) => ({
          id: `e${String(i).padStart(3, '0')}`,
          type: 'CallFinished' as const,
          at: T0 - 1000 + i,
          jobId: `job${i % 24}`,
        }));
        await write(events);
        const a = dispatcher({ perSubscription: 8 }, 'one');
        const b = dispatcher({ perSubscription: 8 }, 'two');
        const sentBy = { one: 0, two: 0 };
        a.onAttempt(() => sentBy.one++);
        b.onAttempt(() => sentBy.two++);
        a.start();
        b.start();
        const delivered = async () =>
          (await listDeliveries(deps, instanceId, sub.id, { limit: 1000, status: 'delivered' })).items.length;
        await eventually(async () => {
          a.wake();
          b.wake();
          return (await delivered()) === 240;
        }, 30_000);
        expect(overlaps).toBe(0);
        const ids = rx.received.map((r) => r.eventId);
        expect(new Set(ids).size).toBe(240);
        expect(ids).toHaveLength(240);
        for (let j = 0; j < 24; j++) {
          const mine = rx.received.filter((r) => r.jobId === `job${j}`).map((r) => r.eventId);
          expect(mine).toEqual([...mine].sort());
        }
        expect(sentBy.one + sentBy.two).toBe(240);
        expect(sentBy.one).toBeGreaterThan(0);
        expect(sentBy.two).toBeGreaterThan(0);
        expect(await t.db.selectFrom('delivery_attempt').select('delivery_id').execute()).toHaveLength(240);
      },
    );

    it('retention deletes delivered deliveries and their events, and keeps the dead ones', async () => {
      const rx = await receiver(({ eventId }) => (eventId === 'keep' ? { status: 500 } : { status: 200 }));
      await subscribe(rx.url, { retry: { scheduleSeconds: [1] } });
      await write([
        { id: 'gone', type: 'Dialing', at: T0, jobId: 'j1' },
        { id: 'keep', type: 'Dialing', at: T0, jobId: 'j2' },
      ]);
      const day = 24 * 3600 * S;
      const d = dispatcher({ pollMs: day, cleanupEveryMs: day });
      d.start();
      await drive(clock, d, () => clock.now() >= T0 + 9 * day);
      const deliveries = await t.db.selectFrom('delivery').select(['event_id', 'status']).execute();
      expect(deliveries).toEqual([{ event_id: 'keep', status: 'dead' }]);
      const events = await t.db.selectFrom('event').select('id').execute();
      expect(events.map((e) => e.id)).toEqual(['keep']);
      expect(await d.backlog()).toMatchObject({ outbox: 0 });
    });
  });
}
