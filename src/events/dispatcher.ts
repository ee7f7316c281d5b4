import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { DAY, MINUTE } from '../core/clock.js';
import type { OutdialEvent } from '../core/events.js';
import { createPassLoop } from '../engine/passLoop.js';
import type { SecretBox } from '../service/credentials/secretBox.js';
import type { StoreCaps } from '../store/dialects.js';
import { type ClaimedDelivery, claimDueDeliveries } from '../store/events/claimDueDeliveries.js';
import { deleteExpiredDeliveries } from '../store/events/deleteExpiredDeliveries.js';
import { getEvents } from '../store/events/deliveries.js';
import { outboxBacklog, pendingBySubscription } from '../store/events/deliveryBacklog.js';
import type { NewDelivery } from '../store/events/insertDeliveries.js';
import { nextDeliveryAt } from '../store/events/nextDeliveryAt.js';
import { type DeliveryAttemptRecord, recordDeliveryAttempts } from '../store/events/recordDeliveryAttempts.js';
import { releaseDeliveryLeases } from '../store/events/releaseDeliveryLeases.js';
import { subscriptionsWithPending } from '../store/events/subscriptionsWithPending.js';
import { noteInserted, noteSends, type WalkMemoSlot } from '../store/events/walkPending.js';
import type { Db, EventRow, SubscriptionRow } from '../store/schema.js';
import type { FormatName, Formats } from './format.js';
import { FORMATS } from './formats/index.js';
import { openSink } from './openSink.js';
import { fanOut } from './outbox/fanOut.js';
import type { DeliveryOutcome, EventSink } from './sink.js';

export interface DispatcherOptions {
  /** Longest sleep between passes: how soon events written by the engine (or another process) are seen. */
  pollMs: number;
  /** How long a send may hold its delivery; at least the subscription's timeout plus `leaseMarginMs`. */
  leaseMs: number;
  leaseMarginMs: number;
  /** Sends in flight per subscription: a slow receiver uses up its own, no one else's. */
  perSubscription: number;
  /** Sends in flight in this process. */
  global: number;
  /** Events fanned out per transaction. */
  fanOutBatch: number;
  /** Delivered deliveries and fanned-out events older than this are deleted. */
  retentionMs: number;
  cleanupEveryMs: number;
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = {
  pollMs: 1_000,
  leaseMs: 60_000,
  leaseMarginMs: 30_000,
  perSubscription: 32,
  global: 256,
  fanOutBatch: 500,
  retentionMs: 7 * DAY,
  cleanupEveryMs: 5 * MINUTE,
};

export interface DispatcherDeps {
  db: Kysely<Db>;
  caps: StoreCaps;
  clock: Clock;
  log: Logger;
  /** Opens subscription configs (sealed: they may hold URLs with credentials and secrets). */
  box: SecretBox;
  /** This process's name on leases; a new one per start. */
  owner?: string;
  /** The vendor formats (default: src/events/formats). */
  formats?: Formats;
  options?: Partial<DispatcherOptions>;
}

/** One send and what came of it. */
export interface AttemptReport {
  subscriptionId: string;
  deliveryId: string;
  eventId: string;
  ok: boolean;
  /** The delivery's state after it: delivered, pending (retry scheduled) or dead. */
  status: 'delivered' | 'pending' | 'dead';
  error?: string;
}

export interface DispatcherBacklog {
  /** Events not fanned out yet. */
  outbox: number;
  /** Pending deliveries by subscription id. */
  pending: Record<string, number>;
}

export interface Dispatcher {
  readonly owner: string;
  start(): void;
  /** Stops claiming, lets sends in flight finish for up to `drainMs` (then abandons them to their lease holders). */
  stop(opts?: { drainMs?: number }): Promise<void>;
  /**
   * Runs a pass soon (after events were written). `rewalk`: deliveries were re-queued or a subscription resumed
   * by someone else than this dispatcher, so its walks read every subscription's pending deliveries from the start.
   */
  wake(o?: { rewalk?: boolean }): void;
  /** Resolves when nothing runs until time moves: no pass and no send in flight. */
  whenIdle(): Promise<void>;
  inFlight(): number;
  onAttempt(listener: (r: AttemptReport) => void): () => void;
  backlog(): Promise<DispatcherBacklog>;
}

interface OpenedSink {
  modifiedAt: number;
  sink: EventSink;
}

/**
 * Delivers the outbox: fans events out into deliveries, sends each due delivery through its
 * subscription's sink in its format, records every attempt and schedules the next by the
 * subscription's retry schedule, or lets it die after the last. Its own loop on the Clock: the engine
 * never waits for it, and a slow receiver holds only its own subscription's share of sends.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { db, caps, clock, box } = deps;
  const opts = { ...DEFAULT_DISPATCHER_OPTIONS, ...deps.options };
  const owner = deps.owner ?? `dispatcher-${randomUUID()}`;
  const log = deps.log.child({ area: 'dispatcher', owner });
  const sinks = new Map<string, OpenedSink>();
  const inFlightBySub = new Map<string, number>();
  const listeners = new Set<(r: AttemptReport) => void>();
  const stopSends = new AbortController();
  // Every send in flight listens on this one signal.
  setMaxListeners(0, stopSends.signal);
  let inFlight = 0;
  const sends = new Set<Promise<void>>();

  const passes = createPassLoop({
    clock,
    pass: () => pass(),
    onError: (error) => log.error({ err: error }, 'dispatch pass failed'),
    retryMs: opts.pollMs,
  });
  const onBusy = passes.busy;
  const wake = passes.wake;
  let nextCleanupAt = Number.NEGATIVE_INFINITY;
  /** Per subscription, what its earlier walks learned (walkPending). */
  const walkMemos = new Map<string, WalkMemoSlot>();
  const memoOf = (subId: string): WalkMemoSlot => {
    const had = walkMemos.get(subId);
    if (had) return had;
    const slot: WalkMemoSlot = { memo: null };
    walkMemos.set(subId, slot);
    return slot;
  };
  const noteDeliveries = (rows: readonly NewDelivery[]) => {
    for (const r of rows) {
      const slot = walkMemos.get(r.subscriptionId);
      if (slot) noteInserted(slot, r.occurredAt, r.id);
    }
  };

  const formats: Formats = deps.formats ?? FORMATS;

  function sinkOf(sub: SubscriptionRow): EventSink {
    const had = sinks.get(sub.id);
    if (had && had.modifiedAt === sub.modified_at) return had.sink;
    if (had) void had.sink.close().catch(() => undefined);
    const sink = openSink(sub, JSON.parse(box.open(sub.config_sealed)), clock, {
      maxConnections: opts.perSubscription,
    });
    sinks.set(sub.id, { modifiedAt: sub.modified_at, sink });
    return sink;
  }

  const room = (subId: string) => opts.perSubscription - (inFlightBySub.get(subId) ?? 0);
  /** A send takes one of its subscription's slots until it is recorded (or released). */
  const takeSlot = (subId: string, delta: 1 | -1) => {
    inFlight += delta;
    inFlightBySub.set(subId, (inFlightBySub.get(subId) ?? 0) + delta);
    onBusy(delta);
  };

  /** A send done and waiting to be recorded with the others that ended meanwhile. */
  interface Finished {
    subId: string;
    record: DeliveryAttemptRecord;
    report: AttemptReport;
  }
  let finished: Finished[] = [];
  let flushing: Promise<void> | undefined;

  /** Records every finished send in one transaction per batch; then frees their slots and runs a pass. */
  function scheduleFlush() {
    flushing ??= (async () => {
      await new Promise<void>((r) => setImmediate(r)); // sends ending in this turn join the batch
      while (finished.length > 0) {
        const batch = finished;
        finished = [];
        let recorded: Set<string>;
        try {
          recorded = await recordDeliveryAttempts(db, caps, {
            owner,
            now: clock.now(),
            records: batch.map((f) => f.record),
          });
        } catch (error) {
          // Nothing recorded: the leases run out and the sends are made again (at least once).
          log.error({ err: error, sends: batch.length }, 'recording deliveries failed');
          recorded = new Set();
        }
        for (const f of batch) {
          takeSlot(f.subId, -1);
          const { next } = f.record;
          const stays = recorded.has(f.record.deliveryId) && next.status === 'pending';
          noteSends(memoOf(f.subId), [{ deliveryId: f.record.deliveryId, dueAt: stays ? next.nextAttemptAt : null }]);
          if (!recorded.has(f.record.deliveryId)) {
            log.warn(
              { deliveryId: f.record.deliveryId },
              'a send was not recorded (lease lost or recording failed); the delivery stays pending',
            );
          } else {
            if (f.report.status === 'dead') {
              log.warn({ deliveryId: f.record.deliveryId, subscriptionId: f.subId }, 'delivery dead');
            }
            for (const listener of listeners) listener(f.report);
          }
        }
      }
      flushing = undefined;
      wake();
    })();
  }

  async function send(sub: SubscriptionRow, d: ClaimedDelivery, event: EventRow | undefined): Promise<Finished | null> {
    const started = clock.now();
    let outcome: DeliveryOutcome;
    let eventId = d.event_id;
    try {
      if (!event) {
        outcome = { ok: false, error: 'the event is no longer stored (past retention)', permanent: true };
      } else {
        const data = JSON.parse(event.data) as OutdialEvent;
        eventId = data.id;
        const format = formats[sub.format as FormatName];
        const formatted = format ? format(data) : undefined;
        if (formatted === undefined) {
          outcome = { ok: false, error: `format ${sub.format} is not available`, permanent: false };
        } else if (formatted === null) {
          // The vendor has no message for this event type: nothing to send, nothing owed.
          outcome = { ok: true, detail: `format ${sub.format} has no message for ${data.type}` };
        } else {
          outcome = await sinkOf(sub).send(
            {
              ...formatted,
              eventId: data.id,
              eventType: data.type,
              jobGroupId: data.jobGroupId,
              jobId: data.jobId,
              occurredAt: data.occurredAt,
            },
            stopSends.signal,
          );
        }
      }
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (stopSends.signal.aborted && !outcome.ok) {
      await releaseDeliveryLeases(db, owner, [d.id]);
      return null;
    }
    const now = clock.now();
    const schedule = JSON.parse(sub.retry_schedule) as number[];
    const tries = d.attempts + 1;
    const wait = schedule[tries - 1];
    const next: DeliveryAttemptRecord['next'] = outcome.ok
      ? { status: 'delivered' }
      : outcome.permanent || wait === undefined
        ? { status: 'dead' }
        : { status: 'pending', nextAttemptAt: now + wait * 1000 };
    return {
      subId: sub.id,
      record: {
        deliveryId: d.id,
        at: started,
        ok: outcome.ok,
        status: outcome.status ?? null,
        error: outcome.ok ? null : outcome.error,
        durationMs: now - started,
        next,
      },
      report: {
        subscriptionId: sub.id,
        deliveryId: d.id,
        eventId,
        ok: outcome.ok,
        status: next.status,
        ...(outcome.ok ? {} : { error: outcome.error }),
      },
    };
  }

  function startSends(sub: SubscriptionRow, claimed: ClaimedDelivery[], events: Map<string, EventRow>) {
    for (const d of claimed) {
      takeSlot(sub.id, 1);
      const p: Promise<void> = send(sub, d, events.get(d.event_id))
        .then(
          (done) => done,
          (error: unknown) => {
            log.error({ err: error, deliveryId: d.id }, 'a send failed unexpectedly');
            return null;
          },
        )
        .then((done) => {
          sends.delete(p);
          if (done) {
            finished.push(done);
            scheduleFlush();
            return;
          }
          takeSlot(sub.id, -1); // released (stopping): its slot frees now
        });
      sends.add(p);
    }
  }

  async function pass(): Promise<number> {
    const now = clock.now();
    const fanOutDeps = { db, caps, now, onDeliveries: noteDeliveries };
    while ((await fanOut(fanOutDeps, opts.fanOutBatch)) === opts.fanOutBatch && !passes.stopping) {
      // a full batch: more may be waiting
    }
    if (now >= nextCleanupAt) {
      const gone = await deleteExpiredDeliveries(db, now - opts.retentionMs);
      if (gone.deliveries + gone.events > 0) log.info(gone, 'retention: deleted old deliveries and events');
      nextCleanupAt = now + opts.cleanupEveryMs;
    }
    let wakeAt = Math.min(now + opts.pollMs, nextCleanupAt);
    if (inFlight >= opts.global) return wakeAt; // a finishing send wakes the loop
    for (const sub of await subscriptionsWithPending(db)) {
      if (passes.stopping) break;
      const limit = Math.min(room(sub.id), opts.global - inFlight);
      if (limit <= 0) continue;
      const leaseUntil = now + Math.max(opts.leaseMs, sub.timeout_ms + opts.leaseMarginMs);
      const claim = { subscriptionId: sub.id, owner, now, leaseUntil, limit };
      const claimed = await claimDueDeliveries(db, caps, claim, memoOf(sub.id));
      if (claimed.length === 0) continue;
      const events = new Map(
        (
          await getEvents(
            db,
            caps,
            claimed.map((d) => d.event_id),
          )
        ).map((e) => [e.id, e]),
      );
      startSends(sub, claimed, events);
    }
    // A send in flight wakes the loop when it is recorded; only an idle dispatcher looks for the next due time.
    if (inFlight > 0) return wakeAt;
    const next = await nextDeliveryAt(db, now);
    if (next !== null) wakeAt = Math.min(wakeAt, Math.max(next, now + 1));
    return wakeAt;
  }

  return {
    owner,
    start: passes.start,
    async stop({ drainMs = 10_000 } = {}) {
      await passes.stop();
      if (sends.size > 0) {
        const deadline = new AbortController();
        await Promise.race([Promise.all([...sends]), clock.sleep(drainMs, deadline.signal).catch(() => undefined)]);
        deadline.abort();
        stopSends.abort(new Error('dispatcher stopping'));
        await Promise.all([...sends]);
      }
      while (flushing) await flushing;
      for (const { sink } of sinks.values()) await sink.close().catch(() => undefined);
      sinks.clear();
    },
    wake(o) {
      if (o?.rewalk) walkMemos.clear();
      wake();
    },
    whenIdle: passes.whenIdle,
    inFlight: () => inFlight,
    onAttempt(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async backlog() {
      return { outbox: await outboxBacklog(db), pending: await pendingBySubscription(db) };
    },
  };
}
