import type { Kysely } from 'kysely';
import type { Db, SubscriptionRow } from '../schema.js';

/** The active (not paused) subscriptions of these instances. */
export async function listActiveSubscriptions(
  db: Kysely<Db>,
  instanceIds: readonly string[],
): Promise<SubscriptionRow[]> {
  if (instanceIds.length === 0) return [];
  return db
    .selectFrom('subscription')
    .selectAll()
    .where('instance_id', 'in', instanceIds)
    .where('status', '=', 'active')
    .execute();
}
