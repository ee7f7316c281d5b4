import { type Kysely, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';
import { commitWithoutFlushWait } from './asyncCommit.js';
import { idIn } from './idList.js';

export interface DeliveryAttemptRecord {
  deliveryId: string;
  at: number;
  ok: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
  /** What the delivery becomes: sent, waiting for `nextAttemptAt`, or dead. */
  next: { status: 'delivered' } | { status: 'pending'; nextAttemptAt: number } | { status: 'dead' };
}

/**
 * Records a batch of sends by `owner` in one transaction and moves each delivery on, if `owner` still holds it.
 * Returns the ids recorded; a delivery whose lease was lost (another dispatcher took it over) is left as it is.
 * Deliveries sent alike (delivered with one HTTP status) move in one statement; their delivered_at is `now`, the
 * batch's recording time (each attempt row keeps its own send time). The common path (delivered, and the attempt
 * rows) is SQL with the batch as one array parameter: it runs for every batch of sends.
 */
export async function recordDeliveryAttempts(
  db: Kysely<Db>,
  caps: StoreCaps,
  o: { owner: string; now: number; records: readonly DeliveryAttemptRecord[] },
): Promise<Set<string>> {
  const recorded = new Set<string>();
  if (o.records.length === 0) return recorded;
  await db.transaction().execute(async (trx) => {
    await commitWithoutFlushWait(trx, caps);
    const tries = new Map<string, number>();
    const delivered = new Map<number | null, string[]>();
    for (const r of o.records) {
      if (r.next.status !== 'delivered') continue;
      const ids = delivered.get(r.status) ?? [];
      ids.push(r.deliveryId);
      delivered.set(r.status, ids);
    }
    for (const [status, ids] of delivered) {
      // The state test as a CASE, so the batch is found by its ids alone (see claimDueDeliveries).
      const { rows } = await sql<{ id: string; tries: number }>`update delivery set status = 'delivered',
          attempts = attempts + 1, tries = tries + 1, last_status = ${status}, last_error = null,
          delivered_at = ${o.now}, owner = null, lease_until = null
        where ${idIn(caps, 'id', ids)} and case status when 'pending' then owner = ${o.owner} else false end
        returning id, tries`.execute(trx);
      for (const r of rows) tries.set(r.id, r.tries);
    }
    for (const r of o.records) {
      const next = r.next;
      if (next.status === 'delivered') continue;
      const row = await trx
        .updateTable('delivery')
        .set((eb) => ({
          status: next.status,
          attempts: eb('attempts', '+', 1),
          tries: eb('tries', '+', 1),
          next_attempt_at: next.status === 'pending' ? next.nextAttemptAt : eb.ref('next_attempt_at'),
          last_status: r.status,
          last_error: r.error,
          delivered_at: null,
          owner: null,
          lease_until: null,
        }))
        .where('id', '=', r.deliveryId)
        .where('owner', '=', o.owner)
        .where('status', '=', 'pending')
        .returning(['id', 'tries'])
        .executeTakeFirst();
      if (row) tries.set(row.id, row.tries);
    }
    const attempts: NewAttempt[] = [];
    for (const r of o.records) {
      const attempt = tries.get(r.deliveryId);
      if (attempt === undefined) continue;
      recorded.add(r.deliveryId);
      attempts.push([
        r.deliveryId,
        attempt,
        r.at,
        r.ok ? 1 : 0,
        r.status,
        r.error,
        Math.max(0, Math.round(r.durationMs)),
      ]);
    }
    await insertAttempts(trx, caps, attempts);
  });
  return recorded;
}

/** delivery_id, attempt, at, ok, status, error, duration_ms */
type NewAttempt = [string, number, number, 0 | 1, number | null, string | null, number];

async function insertAttempts(db: Kysely<Db>, caps: StoreCaps, rows: NewAttempt[]): Promise<void> {
  if (rows.length === 0) return;
  if (caps.dialect === 'postgres') {
    const col = <K extends number>(k: K) => rows.map((r) => r[k]);
    await sql`insert into delivery_attempt (delivery_id, attempt, at, ok, status, error, duration_ms)
      select * from unnest(${col(0)}::varchar[], ${col(1)}::integer[], ${col(2)}::bigint[], ${col(3)}::integer[],
        ${col(4)}::integer[], ${col(5)}::text[], ${col(6)}::integer[])`.execute(db);
    return;
  }
  await sql`insert into delivery_attempt (delivery_id, attempt, at, ok, status, error, duration_ms)
    select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6
    from json_each(${JSON.stringify(rows)})`.execute(db);
}
