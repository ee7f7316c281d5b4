import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

export interface Requeue {
  subscriptionId: string;
  now: number;
  /** These deliveries of the subscription; otherwise every one with `status`. */
  deliveryIds?: readonly string[];
  status?: 'dead' | 'delivered';
}

/**
 * Sends deliveries again: pending, due now, the retry schedule started afresh; their attempts stay in
 * the history. Deliveries already pending are left alone. Returns how many were re-queued.
 */
export async function requeueDeliveries(db: Kysely<Db>, r: Requeue): Promise<number> {
  let q = db
    .updateTable('delivery')
    .set({ status: 'pending', attempts: 0, next_attempt_at: r.now, delivered_at: null, owner: null, lease_until: null })
    .where('subscription_id', '=', r.subscriptionId)
    .where('status', '!=', 'pending');
  if (r.deliveryIds) {
    if (r.deliveryIds.length === 0) return 0;
    q = q.where('id', 'in', r.deliveryIds);
  }
  if (r.status) q = q.where('status', '=', r.status);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}
