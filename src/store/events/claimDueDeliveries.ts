import { type Kysely, type QueryResult, type RawBuilder, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';
import { idList } from './idList.js';

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

interface PendingDelivery {
  id: string;
  job_id: string;
  occurred_at: number;
  next_attempt_at: number;
  lease_until: number | null;
}

/** Pending deliveries read per step of the walk, at least. */
const WALK_STEP = 256;

/**
 * Leases up to `limit` ready deliveries of one subscription to `owner`, oldest event first, keeping per-job order:
 * a delivery is ready when it is due, not leased to a live dispatcher, and the oldest pending delivery of its job
 * (so a job's deliveries go one after another, one waiting for a retry holds back the younger ones, and a dead one
 * no longer does). The subscription's pending deliveries are walked oldest first (occurred_at, id), noting each job
 * at its first delivery met: that one is the job's oldest, every later one of the job waits. No per-job index is
 * needed for it: such an index was written at every fan-out and every send, on a page per job.
 *
 * The lease is taken by one UPDATE that re-checks that each delivery is still pending and unleased: of dispatchers
 * sharing the table, the one whose UPDATE comes second skips the rows the first took.
 */
export async function claimDueDeliveries(
  db: Kysely<Db>,
  caps: StoreCaps,
  c: DeliveryClaim,
): Promise<ClaimedDelivery[]> {
  const ready = await walkReady(db, c);
  if (ready.length === 0) return [];
  const { rows } = await sql<ClaimedDelivery>`update delivery set owner = ${c.owner}, lease_until = ${c.leaseUntil}
    where id in (${idList(caps, ready)}) and status = 'pending' and (lease_until is null or lease_until <= ${c.now})
    returning id, event_id, attempts, occurred_at`.execute(db);
  return rows.sort((a, b) => a.occurred_at - b.occurred_at || (a.id < b.id ? -1 : 1));
}

/** The ids of up to `limit` ready deliveries, oldest first (see claimDueDeliveries). */
async function walkReady(db: Kysely<Db>, c: DeliveryClaim): Promise<string[]> {
  const seen = new Set<string>();
  const ready: string[] = [];
  const step = Math.max(WALK_STEP, 4 * c.limit);
  let after: { occurredAt: number; id: string } | null = null;
  for (;;) {
    // A row value: both databases seek the delivery_pending index to it.
    const from: RawBuilder<unknown> =
      after === null ? sql`` : sql`and (occurred_at, id) > (${after.occurredAt}, ${after.id})`;
    const { rows }: QueryResult<PendingDelivery> =
      await sql<PendingDelivery>`select id, job_id, occurred_at, next_attempt_at, lease_until
      from delivery where subscription_id = ${c.subscriptionId} and status = 'pending' ${from}
      order by occurred_at, id limit ${step}`.execute(db);
    for (const d of rows) {
      if (seen.has(d.job_id)) continue;
      seen.add(d.job_id);
      if (d.next_attempt_at <= c.now && (d.lease_until === null || d.lease_until <= c.now)) {
        ready.push(d.id);
        if (ready.length === c.limit) return ready;
      }
    }
    const last: PendingDelivery | undefined = rows.at(-1);
    if (rows.length < step || last === undefined) return ready;
    after = { occurredAt: last.occurred_at, id: last.id };
  }
}
