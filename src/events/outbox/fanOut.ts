import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { EVENT_TYPES } from '../../core/events.js';
import type { StoreCaps } from '../../store/dialects.js';
import { claimEventsToFanOut } from '../../store/events/claimEventsToFanOut.js';
import { hasEventsToFanOut } from '../../store/events/hasEventsToFanOut.js';
import { insertDeliveries } from '../../store/events/insertDeliveries.js';
import { listSubscriptionsOfInstances } from '../../store/events/listSubscriptionsOfInstances.js';
import { markEventsFannedOut } from '../../store/events/markEventsFannedOut.js';
import type { Db, DeliveryTable, EventRow, SubscriptionRow } from '../../store/schema.js';

export interface FanOutDeps {
  db: Kysely<Db>;
  caps: StoreCaps;
  now: number;
}

/** Whether a subscription's filters (event types, job groups; null = all) let this event through. */
export function subscriptionWants(sub: SubscriptionRow, event: EventRow): boolean {
  if (sub.instance_id !== event.instance_id) return false;
  const types = sub.event_types === null ? null : (JSON.parse(sub.event_types) as string[]);
  if (types && !types.includes(event.type)) return false;
  const groups = sub.job_group_ids === null ? null : (JSON.parse(sub.job_group_ids) as string[]);
  return !groups || groups.includes(event.job_group_id);
}

/**
 * A delivery id that sorts in event order among events of the same instant: the type's place in a
 * call's life (Dialing before CallFinished before JobComplete), then the event's place in the batch.
 */
const deliveryId = (event: EventRow, index: number): string => {
  const rank = Math.max(0, EVENT_TYPES.indexOf(event.type as (typeof EVENT_TYPES)[number]));
  const place = rank === EVENT_TYPES.indexOf('JobComplete') ? 9 : rank;
  return `d${place}${index.toString(36).padStart(5, '0')}${randomUUID().replaceAll('-', '')}`;
};

/**
 * Moves one batch of the outbox into deliveries: one per subscription of the event's instance whose filters
 * match (a paused one's wait until it is resumed), and marks the events fanned out, all in one transaction. Events nobody wants are
 * only marked. Returns how many events the batch took (fewer than `limit`: the outbox is drained).
 */
export async function fanOut(deps: FanOutDeps, limit = 500): Promise<number> {
  if (!(await hasEventsToFanOut(deps.db))) return 0;
  return deps.db.transaction().execute(async (trx) => {
    const events = await claimEventsToFanOut(trx, deps.caps, limit);
    if (events.length === 0) return 0;
    const subs = await listSubscriptionsOfInstances(trx, [...new Set(events.map((e) => e.instance_id))]);
    const rows: Insertable<DeliveryTable>[] = [];
    for (const [i, event] of events.entries()) {
      for (const sub of subs) {
        if (!subscriptionWants(sub, event)) continue;
        rows.push({
          id: deliveryId(event, i),
          subscription_id: sub.id,
          event_id: event.id,
          job_id: event.job_id,
          occurred_at: event.occurred_at,
          status: 'pending',
          attempts: 0,
          next_attempt_at: deps.now,
          last_status: null,
          last_error: null,
          created_at: deps.now,
          delivered_at: null,
          owner: null,
          lease_until: null,
        });
      }
    }
    await insertDeliveries(trx, deps.caps, rows);
    await markEventsFannedOut(
      trx,
      events.map((e) => e.id),
    );
    return events.length;
  });
}
