import type { Kysely } from 'kysely';
import type { Db, SubscriptionRow } from '../schema.js';
import { deliveryReady } from './deliveryReady.js';

/** Active subscriptions with at least one delivery ready to send now. */
export async function dueSubscriptions(db: Kysely<Db>, now: number): Promise<SubscriptionRow[]> {
  return db
    .selectFrom('subscription as s')
    .selectAll('s')
    .where('s.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('delivery as d')
          .select('d.id')
          .whereRef('d.subscription_id', '=', 's.id')
          .where(deliveryReady(now)),
      ),
    )
    .execute();
}
