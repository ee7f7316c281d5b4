import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/** Whether any event waits to be fanned out: a read that spares an empty outbox its transaction. */
export async function hasEventsToFanOut(db: Kysely<Db>): Promise<boolean> {
  const row = await db.selectFrom('event').select('id').where('fanned_out', '=', 0).limit(1).executeTakeFirst();
  return row !== undefined;
}
