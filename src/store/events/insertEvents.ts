import type { Kysely } from 'kysely';
import { chunkRows } from '../chunk.js';
import type { StoreCaps } from '../dialects.js';
import type { Db, NewEventRow } from '../schema.js';

/** Writes events into the outbox; called inside the transaction of the change that caused them. */
export async function insertEvents(db: Kysely<Db>, caps: StoreCaps, rows: readonly NewEventRow[]): Promise<void> {
  for (const chunk of chunkRows(rows, caps.maxParameters)) {
    await db.insertInto('event').values(chunk).execute();
  }
}
