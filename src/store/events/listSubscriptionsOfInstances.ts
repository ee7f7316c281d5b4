import type { Kysely } from 'kysely';
import type { Db, SubscriptionRow } from '../schema.js';

/** Every subscription of these instances, paused ones too: a paused subscription keeps its events. */
export async function listSubscriptionsOfInstances(
  db: Kysely<Db>,
  instanceIds: readonly string[],
): Promise<SubscriptionRow[]> {
  if (instanceIds.length === 0) return [];
  return db.selectFrom('subscription').selectAll().where('instance_id', 'in', instanceIds).execute();
}
