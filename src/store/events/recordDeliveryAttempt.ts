import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

export interface DeliveryAttemptRecord {
  deliveryId: string;
  owner: string;
  at: number;
  ok: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
  /** What the delivery becomes: sent, waiting for `nextAttemptAt`, or dead. */
  next: { status: 'delivered' } | { status: 'pending'; nextAttemptAt: number } | { status: 'dead' };
}

/**
 * Records one send and moves the delivery on, if `owner` still holds it; false when its lease was lost
 * (another dispatcher took it over), in which case nothing is written.
 */
export async function recordDeliveryAttempt(db: Kysely<Db>, r: DeliveryAttemptRecord): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('delivery')
      .set((eb) => ({
        status: r.next.status,
        attempts: eb('attempts', '+', 1),
        next_attempt_at: r.next.status === 'pending' ? r.next.nextAttemptAt : eb.ref('next_attempt_at'),
        last_status: r.status,
        last_error: r.error,
        delivered_at: r.next.status === 'delivered' ? r.at : null,
        owner: null,
        lease_until: null,
      }))
      .where('id', '=', r.deliveryId)
      .where('owner', '=', r.owner)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) return false;
    // Attempt numbers run on across replays, which start the retry schedule again.
    const last = await trx
      .selectFrom('delivery_attempt')
      .select((eb) => eb.fn.max('attempt').as('n'))
      .where('delivery_id', '=', r.deliveryId)
      .executeTakeFirst();
    await trx
      .insertInto('delivery_attempt')
      .values({
        delivery_id: r.deliveryId,
        attempt: Number(last?.n ?? 0) + 1,
        at: r.at,
        ok: r.ok ? 1 : 0,
        status: r.status,
        error: r.error,
        duration_ms: Math.max(0, Math.round(r.durationMs)),
      })
      .execute();
    return true;
  });
}
