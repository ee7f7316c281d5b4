import { type Kysely, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';
import { deliveryReady } from './deliveryReady.js';

export interface DeliveryClaim {
  subscriptionId: string;
  owner: string;
  /** The Clock's time. */
  now: number;
  leaseUntil: number;
  limit: number;
}

/** What a dispatcher needs of a delivery it holds to send it and record the attempt. */
export interface ClaimedDelivery {
  id: string;
  event_id: string;
  attempts: number;
  occurred_at: number;
}

/**
 * Leases up to `limit` ready deliveries of one subscription to `owner`, oldest event first. Like
 * claimDueJobs: a locking CTE with `SKIP LOCKED` on PostgreSQL so dispatchers sharing the table never
 * take the same row, and a lease guard in the outer WHERE so a lost race is a skipped row. Written as SQL
 * and returning only what a send needs: every batch of sends runs it.
 */
export async function claimDueDeliveries(
  db: Kysely<Db>,
  caps: StoreCaps,
  c: DeliveryClaim,
): Promise<ClaimedDelivery[]> {
  const lock = caps.skipLocked ? sql`for update skip locked` : sql``;
  const { rows } = await sql<ClaimedDelivery>`with due as (
      select d.id from delivery as d where d.subscription_id = ${c.subscriptionId} and ${deliveryReady(c.now)}
      order by d.occurred_at, d.id limit ${c.limit} ${lock})
    update delivery set owner = ${c.owner}, lease_until = ${c.leaseUntil}
    where id in (select id from due) and status = 'pending' and (lease_until is null or lease_until <= ${c.now})
    returning id, event_id, attempts, occurred_at`.execute(db);
  return rows.sort((a, b) => a.occurred_at - b.occurred_at || (a.id < b.id ? -1 : 1));
}
