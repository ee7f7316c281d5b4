import type { Kysely } from 'kysely';
import { chunkRows } from '../chunk.js';
import type { StoreCaps } from '../dialects.js';
import type { Db, NewJobRow } from '../schema.js';

/** Bulk insert in as few statements as the backend allows; run it inside the caller's transaction. */
export async function insertJobs(db: Kysely<Db>, caps: StoreCaps, rows: readonly NewJobRow[]): Promise<void> {
  for (const chunk of chunkRows(rows, caps.maxParameters)) {
    await db.insertInto('job').values(chunk).execute();
  }
}
