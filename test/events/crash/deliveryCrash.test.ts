import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../src/core/random.js';
import { systemClock } from '../../../src/engine/systemClock.js';
import { webhookSignature } from '../../../src/events/sinks/webhook.js';
import { createSubscription } from '../../../src/events/subscriptions/index.js';
import { createInstance } from '../../../src/service/createInstance.js';
import { createSecretBox } from '../../../src/service/credentials/secretBox.js';
import { insertEvents } from '../../../src/store/events/insertEvents.js';
import { openStore, type Store } from '../../../src/store/openStore.js';
import { testIds } from '../../support/campaign.js';
import {
  openTestStore,
  TEST_DIALECTS,
  TEST_POSTGRES_URL,
  type TestDialect,
  type TestStore,
} from '../../support/testStore.js';
import { callEventRow, type PlannedEvent, planEvents } from './callEvents.js';
import { type SlowReceiver, startSlowReceiver } from './slowReceiver.js';
import {
  type ChildExit,
  type DispatcherChild,
  killLiveDispatcherChildren,
  spawnDispatcherChild,
} from './spawnDispatcherChild.js';

/**
 * At-least-once delivery across crashes, end to end: a child process dispatches the outbox to a slow
 * webhook receiver in the test; the test SIGKILLs it several times while requests are in flight and
 * restarts it, adding events as it goes, then lets the last one deliver everything and stops it. Every
 * event must have reached the receiver, each copy with the same event id and body (receivers dedupe
 * by id), each job's events first arriving in the order they happened, and the store must show every
 * delivery delivered.
 *
 * OUTDIAL_CRASH_SEED replays the kill points and reply delays (where a kill lands still depends on timing).
 */
const SEED = Number(process.env.OUTDIAL_CRASH_SEED ?? 20_261_201);
const JOBS = 50;
/** About ten seconds of a dispatcher's work on SQLite here (each finished send runs a claim pass). */
const EVENTS = 1_000;
/** Events in the outbox before the first child starts; the rest arrive while children run. */
const BEFORE_START = 400;
const FEED_CHUNK = 100;
const FEED_EVERY_MS = 1_000;
const KILLS = 5;
const CHILD_TIMEOUT_MS = 45_000;
/** How long the last child gets to deliver the rest. */
const FINISH_WITHIN_MS = 40_000;

interface Kill {
  /** Deliveries the child recorded before the kill. */
  delivered: number;
  /** Requests the receiver held open at the kill instant. */
  openAtKill: number;
  /** Sends that failed in that child (and were retried). */
  retries: number;
}

/** The store shared by the test and its children: a SQLite file, or a schema of the test PostgreSQL. */
interface SharedStore {
  store: Store;
  database: string;
  schema?: string;
  drop(): Promise<void>;
}

async function openSharedStore(dialect: TestDialect): Promise<SharedStore> {
  if (dialect === 'postgres') {
    const t: TestStore = await openTestStore('postgres');
    return {
      store: t,
      database: TEST_POSTGRES_URL,
      ...(t.schema ? { schema: t.schema } : {}),
      drop: () => t.drop(),
    };
  }
  const file = join(tmpdir(), `outdial-delivery-crash-${process.pid}-${Date.now()}.db`);
  const store = await openStore({ database: file });
  return {
    store,
    database: file,
    async drop() {
      await store.close();
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

/** Resolves with `p`, or rejects naming `what` after `ms`. */
async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      p,
      sleep(ms, undefined, { signal: timer.signal }).then(() => {
        throw new Error(`${what}: not within ${ms} ms`);
      }),
    ]);
  } finally {
    timer.abort();
  }
}

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: SIGKILL the dispatcher mid-delivery`, () => {
    let shared: SharedStore | undefined;
    let receiver: SlowReceiver | undefined;
    afterEach(async () => {
      killLiveDispatcherChildren();
      await receiver?.close();
      await shared?.drop();
      receiver = undefined;
      shared = undefined;
    });

    it('delivers every event at least once, each copy with the same id and body, in job order', async () => {
      const random = createSeededRandom(SEED);
      const log = (s: string) => console.log(`[delivery crash ${dialect} seed=${SEED}] ${s}`);
      const s = await openSharedStore(dialect);
      shared = s;
      const { db, caps } = s.store;
      // Mostly quick replies, one in fifteen held 150 ms: kills find requests received but not yet answered.
      const rx = await startSlowReceiver(() => (random.next() < 1 / 15 ? 150 : 5 + Math.floor(random.next() * 26)));
      receiver = rx;

      const boxKey = randomBytes(32);
      const deps = { db, caps, clock: systemClock, newId: testIds(), box: createSecretBox(boxKey) };
      const instanceId = (
        await createInstance({ ...deps, defaultCountry: 'CN', defaultTimeZone: 'Asia/Shanghai' }, { name: 'crash' })
      ).id;
      const sub = await createSubscription(deps, {
        instanceId,
        name: 'receiver',
        sink: 'webhook',
        format: 'cloudevents',
        config: { url: rx.url },
        // The child's leases are this timeout plus 0.5 s; a send that times out is retried a second later.
        timeoutMs: 1_000,
        retry: { scheduleSeconds: Array.from({ length: 30 }, () => 1) },
      });

      // Each job's events happen in the order they are written.
      const planned = planEvents(EVENTS, JOBS, Date.now());
      const rows = (from: number, to: number) =>
        planned.slice(from, to).map((e) => callEventRow(e, instanceId, 'group-1'));
      await insertEvents(db, caps, rows(0, BEFORE_START));
      const feeding = (async () => {
        for (let fed = BEFORE_START; fed < EVENTS; fed += FEED_CHUNK) {
          await sleep(FEED_EVERY_MS);
          await insertEvents(db, caps, rows(fed, Math.min(EVENTS, fed + FEED_CHUNK)));
        }
      })();
      // Awaited after the kills; a failure before then must not go unhandled meanwhile.
      feeding.catch(() => undefined);

      const start = (): DispatcherChild =>
        spawnDispatcherChild(
          { database: s.database, boxKey, ...(s.schema ? { schema: s.schema } : {}) },
          CHILD_TIMEOUT_MS,
        );
      const failChild = (child: DispatcherChild, exit: ChildExit | null, what: string): never => {
        throw new Error(
          `${what} (exit ${exit?.code}, signal ${exit?.signal}); child stderr:\n${exit?.stderr ?? child.stderr()}`,
        );
      };

      const kills: Kill[] = [];
      for (let round = 1; round <= KILLS; round++) {
        const child = start();
        const ready = await within(child.ready, 20_000, `child ${round} to start`);
        if (ready === 'none') failChild(child, await child.exited, `child ${round} ended before it was ready`);
        // After some deliveries, at the first instant the receiver holds a request open.
        await within(
          child.whenDelivered(10 * (1 + Math.floor(random.next() * 8))),
          20_000,
          `child ${round} to deliver`,
        );
        await within(rx.whenOpen(), 5_000, `a request to child ${round}'s receiver`);
        const openAtKill = rx.open();
        child.kill('SIGKILL');
        const exit = await child.exited;
        if (exit.signal !== 'SIGKILL') failChild(child, exit, `child ${round} ended on its own`);
        kills.push({ delivered: child.delivered(), openAtKill, retries: child.retries.length });
        log(`child ${round}: SIGKILL after ${child.delivered()} deliveries, ${openAtKill} open`);
      }

      const last = start();
      await within(last.ready, 20_000, 'the last child to start');
      await feeding;
      const deliveredCount = async () =>
        Number(
          (
            await db
              .selectFrom('delivery')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('status', '=', 'delivered')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const until = Date.now() + FINISH_WITHIN_MS;
      let done = await deliveredCount();
      while (done < EVENTS) {
        if (Date.now() > until) {
          last.kill('SIGKILL');
          failChild(last, await last.exited, `only ${done} of ${EVENTS} deliveries delivered by the last child`);
        }
        await sleep(100);
        done = await deliveredCount();
      }
      last.kill('SIGTERM');
      const lastExit = await within(last.exited, 10_000, 'the last child to stop on SIGTERM');
      if (lastExit.code !== 0 || !last.stopped()) failChild(last, lastExit, 'the last child did not stop cleanly');

      // Every round ended in its SIGKILL (checked above); at least one cut requests off mid-flight.
      expect(
        kills.filter((k) => k.openAtKill > 0).length,
        'no kill landed while the receiver held requests',
      ).toBeGreaterThan(0);

      // Every event reached the receiver at least once.
      const byId = new Map<string, typeof rx.receipts>();
      for (const r of rx.receipts) byId.set(r.eventId, [...(byId.get(r.eventId) ?? []), r]);
      const missing = planned.filter((e) => !byId.has(e.id)).map((e) => e.id);
      expect(missing.slice(0, 20), `${missing.length} events never received`).toEqual([]);
      const plannedIds = new Set(planned.map((e) => e.id));
      expect([...byId.keys()].filter((id) => !plannedIds.has(id))).toEqual([]);

      // Copies of one event are the same message: same id, same body, each validly signed.
      const mismatched: string[] = [];
      for (const [id, copies] of byId) {
        const first = copies[0]?.body ?? '';
        if (!first.includes(id)) mismatched.push(`${id}: the body does not carry the event id`);
        for (const c of copies) {
          if (c.body !== first) mismatched.push(`${id}: copy #${c.seq} differs from the first`);
          const ts = Number(c.headers['x-outdial-timestamp']);
          if (c.headers['x-outdial-signature'] !== webhookSignature(sub.secret as string, ts, c.body)) {
            mismatched.push(`${id}: copy #${c.seq} is not signed with the subscription's secret`);
          }
        }
      }
      expect(mismatched.slice(0, 20), `${mismatched.length} bad copies`).toEqual([]);

      // Each job's events first arrived in the order they happened.
      const firstSeq = new Map<string, number>();
      for (const r of rx.receipts) if (!firstSeq.has(r.eventId)) firstSeq.set(r.eventId, r.seq);
      const outOfOrder: string[] = [];
      const byJob = new Map<string, PlannedEvent[]>();
      for (const e of planned) byJob.set(e.jobId, [...(byJob.get(e.jobId) ?? []), e]);
      for (const events of byJob.values()) {
        for (let i = 1; i < events.length; i++) {
          const [a, b] = [events[i - 1] as PlannedEvent, events[i] as PlannedEvent];
          if ((firstSeq.get(b.id) ?? -1) < (firstSeq.get(a.id) ?? -1)) {
            outOfOrder.push(`${b.jobId}: ${b.id} arrived before ${a.id}`);
          }
        }
      }
      expect(outOfOrder.slice(0, 20), `${outOfOrder.length} events out of job order`).toEqual([]);

      // The store agrees: one delivery per event, all delivered, none without an attempt; the outbox is drained.
      const deliveries = await db.selectFrom('delivery').select(['event_id', 'status', 'attempts', 'owner']).execute();
      expect(deliveries).toHaveLength(EVENTS);
      expect(new Set(deliveries.map((d) => d.event_id)).size).toBe(EVENTS);
      expect(deliveries.filter((d) => d.status !== 'delivered' || d.attempts < 1 || d.owner !== null)).toEqual([]);
      const unfanned = await db.selectFrom('fan_out_queue').select('event_id').execute();
      expect(unfanned).toEqual([]);

      const duplicated = [...byId.values()].filter((c) => c.length > 1).length;
      const retries = [...kills.map((k) => k.retries), last.retries.length].reduce((a, b) => a + b, 0);
      log(
        `${kills.length} kills (${kills.filter((k) => k.openAtKill > 0).length} with requests open), ` +
          `${rx.receipts.length} requests for ${EVENTS} events, ${duplicated} events received more than once` +
          (duplicated === 0 ? ' (no kill fell after a request arrived and before its delivery was recorded)' : '') +
          `, ${retries} failed sends retried`,
      );
    }, 120_000);
  });
}
