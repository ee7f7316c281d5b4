import { type Kysely, type Selectable, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db, DeliveryAttemptTable, DeliveryRow, EventRow } from '../schema.js';
import { idIn } from './idList.js';

export type DeliveryAttemptRow = Selectable<DeliveryAttemptTable>;

export async function getDelivery(db: Kysely<Db>, id: string): Promise<DeliveryRow | undefined> {
  return db.selectFrom('delivery').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A subscription's deliveries, newest first, after the `before` key (created_at, id). */
export async function listDeliveryRows(
  db: Kysely<Db>,
  subscriptionId: string,
  w: { status?: string; limit: number; before: { createdAt: number; id: string } | null },
): Promise<DeliveryRow[]> {
  let q = db.selectFrom('delivery').selectAll().where('subscription_id', '=', subscriptionId);
  if (w.status) q = q.where('status', '=', w.status);
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

/** The attempts of these deliveries, in attempt order. */
export async function attemptsOf(db: Kysely<Db>, deliveryIds: readonly string[]): Promise<DeliveryAttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('delivery_attempt')
    .selectAll()
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('delivery_id')
    .orderBy('attempt')
    .execute();
}

/** Events by id: the ids as one array parameter (json_each on SQLite), one statement shape for any count. */
export async function getEvents(db: Kysely<Db>, caps: StoreCaps, ids: readonly string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<EventRow>`select * from event where ${idIn(caps, 'id', ids)}`.execute(db);
  return rows;
}
