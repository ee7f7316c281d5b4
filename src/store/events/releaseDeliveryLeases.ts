import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/** Gives back deliveries `owner` holds without having sent them, so any dispatcher may send them now. */
export async function releaseDeliveryLeases(db: Kysely<Db>, owner: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('delivery')
    .set({ owner: null, lease_until: null })
    .where('id', 'in', ids)
    .where('owner', '=', owner)
    .where('status', '=', 'pending')
    .execute();
}
