import { type Kysely, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';
import { commitWithoutFlushWait } from './asyncCommit.js';
import { idIn } from './idList.js';
import { noteSends, type WalkMemoSlot, walkPending } from './walkPending.js';

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
 * Leases up to `limit` ready deliveries of one subscription to `owner`, oldest event first, keeping per-job order:
 * a delivery is ready when it is due, not leased to a live dispatcher, and the oldest pending delivery of its job
 * (so a job's deliveries go one after another, one waiting for a retry holds back the younger ones, and a dead one
 * no longer does). They are found by walking the subscription's pending deliveries oldest first (walkPending), from
 * where the dispatcher's memo of earlier walks (`memo`) lets it start. No per-job index is needed for it: such an
 * index was written at every fan-out and every send, on a page per job.
 *
 * The lease is taken by one UPDATE that re-checks that each delivery is still pending, due and unleased: of dispatchers
 * sharing the table, the one whose UPDATE comes second skips the rows the first took.
 */
export async function claimDueDeliveries(
  db: Kysely<Db>,
  caps: StoreCaps,
  c: DeliveryClaim,
  memo?: WalkMemoSlot,
): Promise<ClaimedDelivery[]> {
  const ready = await walkPending(db, c, memo);
  if (ready.length === 0) return [];
  // The state test is one CASE, not `status = 'pending' and …`: a plain status test lets PostgreSQL's planner, when
  // the table's statistics are fresh or stale, find the batch by reading every pending delivery through the partial
  // delivery_pending index. As a CASE it can only probe the primary key, once per id.
  const { rows } = await db.transaction().execute(async (trx) => {
    await commitWithoutFlushWait(trx, caps);
    return sql<ClaimedDelivery>`update delivery set owner = ${c.owner}, lease_until = ${c.leaseUntil}
      where ${idIn(caps, 'id', ready)}
        and case status
          when 'pending' then next_attempt_at <= ${c.now} and (lease_until is null or lease_until <= ${c.now})
          else false end
      returning id, event_id, attempts, occurred_at`.execute(trx);
  });
  if (memo && rows.length < ready.length) {
    // Changed by someone else since it was read: the memo must not hold them as sent here.
    const taken = new Set(rows.map((r) => r.id));
    noteSends(
      memo,
      ready.filter((id) => !taken.has(id)).map((deliveryId) => ({ deliveryId, dueAt: null })),
    );
  }
  return rows.sort((a, b) => a.occurred_at - b.occurred_at || (a.id < b.id ? -1 : 1));
}
