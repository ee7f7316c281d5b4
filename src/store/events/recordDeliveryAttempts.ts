import type { Insertable, Kysely } from 'kysely';
import { chunkRows } from '../chunk.js';
import type { StoreCaps } from '../dialects.js';
import type { Db, DeliveryAttemptTable } from '../schema.js';

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
 * batch's recording time (each attempt row keeps its own send time).
 */
export async function recordDeliveryAttempts(
  db: Kysely<Db>,
  caps: StoreCaps,
  o: { owner: string; now: number; records: readonly DeliveryAttemptRecord[] },
): Promise<Set<string>> {
  const recorded = new Set<string>();
  if (o.records.length === 0) return recorded;
  await db.transaction().execute(async (trx) => {
    const tries = new Map<string, number>();
    const delivered = new Map<number | null, string[]>();
    for (const r of o.records) {
      if (r.next.status !== 'delivered') continue;
      const ids = delivered.get(r.status) ?? [];
      ids.push(r.deliveryId);
      delivered.set(r.status, ids);
    }
    for (const [status, ids] of delivered) {
      const size = caps.maxParameters - 8;
      for (let i = 0; i < ids.length; i += size) {
        const chunk = ids.slice(i, i + size);
        const rows = await trx
          .updateTable('delivery')
          .set((eb) => ({
            status: 'delivered',
            attempts: eb('attempts', '+', 1),
            tries: eb('tries', '+', 1),
            last_status: status,
            last_error: null,
            delivered_at: o.now,
            owner: null,
            lease_until: null,
          }))
          .where('id', 'in', chunk)
          .where('owner', '=', o.owner)
          .where('status', '=', 'pending')
          .returning(['id', 'tries'])
          .execute();
        for (const r of rows) tries.set(r.id, r.tries);
      }
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
    const attempts: Insertable<DeliveryAttemptTable>[] = [];
    for (const r of o.records) {
      const attempt = tries.get(r.deliveryId);
      if (attempt === undefined) continue;
      recorded.add(r.deliveryId);
      attempts.push({
        delivery_id: r.deliveryId,
        attempt,
        at: r.at,
        ok: r.ok ? 1 : 0,
        status: r.status,
        error: r.error,
        duration_ms: Math.max(0, Math.round(r.durationMs)),
      });
    }
    for (const chunk of chunkRows(attempts, caps.maxParameters)) {
      await trx.insertInto('delivery_attempt').values(chunk).execute();
    }
  });
  return recorded;
}
