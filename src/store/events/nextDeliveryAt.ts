import { type Kysely, sql } from 'kysely';
import type { Db } from '../schema.js';
import { isFirstPendingOfJob } from './deliveryReady.js';
import { PENDING } from './pending.js';

/**
 * When the next pending delivery of an active subscription may be sent: its next_attempt_at, or its lease's
 * end when a dispatcher holds it. Only deliveries with no older pending one of the same job count: the others
 * wait for that one, not for time. Null when none.
 */
export async function nextDeliveryAt(db: Kysely<Db>): Promise<number | null> {
  const row = await db
    .selectFrom('delivery as d')
    .innerJoin('subscription as s', 's.id', 'd.subscription_id')
    .select(
      sql<
        number | string | null
      >`min(case when d.lease_until is not null and d.lease_until > d.next_attempt_at then d.lease_until else d.next_attempt_at end)`.as(
        'at',
      ),
    )
    .where('s.status', '=', 'active')
    .where('d.status', '=', PENDING)
    .where(isFirstPendingOfJob)
    .executeTakeFirst();
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}
