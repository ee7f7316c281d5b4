import { type Kysely, sql } from 'kysely';
import type { Db, SubscriptionRow } from '../schema.js';
import { deliveryReady } from './deliveryReady.js';

/** Active subscriptions with at least one delivery ready to send now. SQL as it is: every pass asks. */
export async function dueSubscriptions(db: Kysely<Db>, now: number): Promise<SubscriptionRow[]> {
  const { rows } = await sql<SubscriptionRow>`select s.* from subscription as s where s.status = 'active'
    and exists (select 1 from delivery as d where d.subscription_id = s.id and ${deliveryReady(now)})`.execute(db);
  return rows;
}
