import type { Kysely } from 'kysely';
import { EVENT_TYPES } from '../../core/events.js';
import type { StoreCaps } from '../../store/dialects.js';
import { commitWithoutFlushWait } from '../../store/events/asyncCommit.js';
import { claimEventsToFanOut } from '../../store/events/claimEventsToFanOut.js';
import { hasEventsToFanOut } from '../../store/events/hasEventsToFanOut.js';
import { insertDeliveries, type NewDelivery } from '../../store/events/insertDeliveries.js';
import { listSubscriptionsOfInstances } from '../../store/events/listSubscriptionsOfInstances.js';
import { markEventsFannedOut } from '../../store/events/markEventsFannedOut.js';
import type { Db, FanOutQueueRow, SubscriptionRow } from '../../store/schema.js';
import { uuidv7 } from '../../store/uuidv7.js';

export interface FanOutDeps {
  db: Kysely<Db>;
  caps: StoreCaps;
  now: number;
  /** Told of the deliveries a batch writes (the dispatcher's walk memos need to know). */
  onDeliveries?: (rows: readonly NewDelivery[]) => void;
}

/** Whether a subscription's filters (event types, job groups; null = all) let this event through. */
export function subscriptionWants(
  sub: SubscriptionRow,
  event: Pick<FanOutQueueRow, 'instance_id' | 'type' | 'job_group_id'>,
): boolean {
  if (sub.instance_id !== event.instance_id) return false;
  const types = sub.event_types === null ? null : (JSON.parse(sub.event_types) as string[]);
  if (types && !types.includes(event.type)) return false;
  const groups = sub.job_group_ids === null ? null : (JSON.parse(sub.job_group_ids) as string[]);
  return !groups || groups.includes(event.job_group_id);
}

/**
 * A delivery id that sorts in event order among events of the same instant: the type's place in a call's life
 * (Dialing before CallFinished before JobComplete), then the fan-out batch (`batch`, a UUIDv7: batches made
 * later sort later), then its place in the batch (event order). The deliveries of one batch thus sit side by side
 * in every index keyed by id, and are written on a few pages instead of one page each.
 */
const deliveryId = (event: FanOutQueueRow, batch: string, index: number): string => {
  const rank = Math.max(0, EVENT_TYPES.indexOf(event.type as (typeof EVENT_TYPES)[number]));
  const place = rank === EVENT_TYPES.indexOf('JobComplete') ? 9 : rank;
  return `d${place}${batch}${index.toString(36).padStart(5, '0')}`;
};

/**
 * Moves one batch of the outbox into deliveries: one per subscription of the event's instance whose filters
 * match (a paused one's wait until it is resumed), and takes the events off the fan-out queue, all in one
 * transaction. Events nobody wants are only taken off the queue. Returns how many events the batch took (fewer
 * than `limit`: the outbox is drained).
 */
export async function fanOut(deps: FanOutDeps, limit = 500): Promise<number> {
  if (!(await hasEventsToFanOut(deps.db))) return 0;
  return deps.db.transaction().execute(async (trx) => {
    await commitWithoutFlushWait(trx, deps.caps);
    const events = await claimEventsToFanOut(trx, deps.caps, limit);
    if (events.length === 0) return 0;
    const subs = await listSubscriptionsOfInstances(trx, [...new Set(events.map((e) => e.instance_id))]);
    const rows: NewDelivery[] = [];
    const batch = uuidv7().replaceAll('-', '');
    for (const event of events) {
      for (const sub of subs) {
        if (!subscriptionWants(sub, event)) continue;
        rows.push({
          id: deliveryId(event, batch, rows.length),
          subscriptionId: sub.id,
          eventId: event.event_id,
          jobId: event.job_id,
          occurredAt: event.occurred_at,
        });
      }
    }
    await insertDeliveries(trx, deps.caps, rows, deps.now);
    deps.onDeliveries?.(rows);
    await markEventsFannedOut(
      trx,
      deps.caps,
      events.map((e) => e.event_id),
    );
    return events.length;
  });
}
