import { type Kysely, sql } from 'kysely';
import type { Db, SubscriptionRow } from '../schema.js';

/** Active subscriptions with at least one pending delivery (the partial delivery_pending index answers it). */
export async function subscriptionsWithPending(db: Kysely<Db>): Promise<SubscriptionRow[]> {
  const { rows } = await sql<SubscriptionRow>`select s.* from subscription as s where s.status = 'active'
    and exists (select 1 from delivery as d where d.subscription_id = s.id and d.status = 'pending')`.execute(db);
  return rows;
}
