import type { Kysely } from 'kysely';
import { chunkRows } from '../chunk.js';
import type { StoreCaps } from '../dialects.js';
import type { Db, NewEventRow } from '../schema.js';

/** Writes events into the outbox and queues them for fan-out; called inside the transaction of the change that caused them. */
export async function insertEvents(db: Kysely<Db>, caps: StoreCaps, rows: readonly NewEventRow[]): Promise<void> {
  for (const chunk of chunkRows(rows, caps.maxParameters)) {
    await db.insertInto('event').values(chunk).execute();
    await db
      .insertInto('fan_out_queue')
      .values(
        chunk.map((e) => ({
          event_id: e.id,
          occurred_at: e.occurred_at,
          instance_id: e.instance_id,
          job_group_id: e.job_group_id,
          job_id: e.job_id,
          type: e.type,
        })),
      )
      .execute();
  }
}
