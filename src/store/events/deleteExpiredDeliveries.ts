import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/**
 * Retention: deletes deliveries delivered before `before` (with their attempts), then fanned-out events
 * older than `before` that no remaining delivery needs. Pending and dead deliveries are kept: they are
 * the backlog and the dead letters. Returns how many of each went.
 */
export async function deleteExpiredDeliveries(
  db: Kysely<Db>,
  before: number,
): Promise<{ deliveries: number; events: number }> {
  return db.transaction().execute(async (trx) => {
    const old = trx
      .selectFrom('delivery')
      .select('id')
      .where('status', '=', 'delivered')
      .where('delivered_at', '<', before);
    await trx.deleteFrom('delivery_attempt').where('delivery_id', 'in', old).execute();
    const deliveries = await trx
      .deleteFrom('delivery')
      .where('status', '=', 'delivered')
      .where('delivered_at', '<', before)
      .executeTakeFirst();
    const events = await trx
      .deleteFrom('event')
      .where('occurred_at', '<', before)
      .where((eb) =>
        eb.not(
          eb.or([
            eb.exists(eb.selectFrom('fan_out_queue as q').select('q.event_id').whereRef('q.event_id', '=', 'event.id')),
            eb.exists(eb.selectFrom('delivery').select('delivery.id').whereRef('delivery.event_id', '=', 'event.id')),
          ]),
        ),
      )
      .executeTakeFirst();
    return { deliveries: Number(deliveries.numDeletedRows), events: Number(events.numDeletedRows) };
  });
}
