import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';
import { PENDING } from './pending.js';

/** Events not fanned out yet. */
export async function outboxBacklog(db: Kysely<Db>): Promise<number> {
  const row = await db
    .selectFrom('fan_out_queue')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Pending deliveries per subscription (the delivery_pending index answers it). */
export async function pendingBySubscription(db: Kysely<Db>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('delivery')
    .select(['subscription_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('status', '=', PENDING)
    .groupBy('subscription_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.subscription_id, Number(r.n)]));
}
