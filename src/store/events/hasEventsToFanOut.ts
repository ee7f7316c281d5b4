import { type Kysely, sql } from 'kysely';
import type { Db } from '../schema.js';

/** Whether any event waits to be fanned out: a read that spares an empty outbox its transaction. */
export async function hasEventsToFanOut(db: Kysely<Db>): Promise<boolean> {
  const { rows } = await sql`select 1 from fan_out_queue limit 1`.execute(db);
  return rows.length > 0;
}
