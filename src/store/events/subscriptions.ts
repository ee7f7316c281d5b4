import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Db, SubscriptionRow, SubscriptionTable } from '../schema.js';

export async function insertSubscription(db: Kysely<Db>, row: Insertable<SubscriptionTable>): Promise<void> {
  await db.insertInto('subscription').values(row).execute();
}

export async function getSubscription(db: Kysely<Db>, id: string): Promise<SubscriptionRow | undefined> {
  return db.selectFrom('subscription').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An instance's subscriptions, newest first, after the `before` key. */
export async function listSubscriptionRows(
  db: Kysely<Db>,
  instanceId: string,
  w: { limit: number; before: { createdAt: number; id: string } | null },
): Promise<SubscriptionRow[]> {
  let q = db.selectFrom('subscription').selectAll().where('instance_id', '=', instanceId);
  const before = w.before;
  if (before) {
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', before.createdAt),
        eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
      ]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(w.limit).execute();
}

export async function updateSubscriptionRow(
  db: Kysely<Db>,
  id: string,
  set: Updateable<SubscriptionTable>,
): Promise<SubscriptionRow | undefined> {
  return db.updateTable('subscription').set(set).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Deletes a subscription with its deliveries and their attempts. */
export async function deleteSubscriptionRow(db: Kysely<Db>, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const deliveries = trx.selectFrom('delivery').select('id').where('subscription_id', '=', id);
    await trx.deleteFrom('delivery_attempt').where('delivery_id', 'in', deliveries).execute();
    await trx.deleteFrom('delivery').where('subscription_id', '=', id).execute();
    await trx.deleteFrom('subscription').where('id', '=', id).execute();
  });
}
