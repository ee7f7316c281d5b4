import type { Kysely } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db, DeliveryRow } from '../schema.js';
import { deliveryReady } from './deliveryReady.js';

export interface DeliveryClaim {
  subscriptionId: string;
  owner: string;
  /** The Clock's time. */
  now: number;
  leaseUntil: number;
  limit: number;
}

/**
 * Leases up to `limit` ready deliveries of one subscription to `owner`, oldest event first. Like
 * claimDueJobs: a locking CTE with `SKIP LOCKED` on PostgreSQL so dispatchers sharing the table never
 * take the same row, and a lease guard in the outer WHERE so a lost race is a skipped row.
 */
export async function claimDueDeliveries(db: Kysely<Db>, caps: StoreCaps, c: DeliveryClaim): Promise<DeliveryRow[]> {
  const claimed = await db
    .with('due', (w) => {
      const due = w
        .selectFrom('delivery as d')
        .select('d.id')
        .where('d.subscription_id', '=', c.subscriptionId)
        .where(deliveryReady(c.now))
        .orderBy('d.occurred_at')
        .orderBy('d.id')
        .limit(c.limit);
      return caps.skipLocked ? due.forUpdate().skipLocked() : due;
    })
    .updateTable('delivery')
    .set({ owner: c.owner, lease_until: c.leaseUntil })
    .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', c.now)]))
    .returningAll()
    .execute();
  return claimed.sort((a, b) => a.occurred_at - b.occurred_at || (a.id < b.id ? -1 : 1));
}
