import type { Insertable, Kysely } from 'kysely';
import { chunkRows } from '../chunk.js';
import type { StoreCaps } from '../dialects.js';
import type { Db, DeliveryTable } from '../schema.js';

/** New deliveries; one already made for the same (subscription, event) is kept as it is. */
export async function insertDeliveries(
  db: Kysely<Db>,
  caps: StoreCaps,
  rows: readonly Insertable<DeliveryTable>[],
): Promise<void> {
  for (const chunk of chunkRows(rows, caps.maxParameters)) {
    await db
      .insertInto('delivery')
      .values(chunk)
      .onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing())
      .execute();
  }
}
