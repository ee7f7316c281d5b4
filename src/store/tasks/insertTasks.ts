import type { Kysely } from 'kysely';
import { chunkRows } from '../chunk.js';
import type { StoreCaps } from '../dialects.js';
import type { Db, NewTaskRow } from '../schema.js';

export async function insertTasks(db: Kysely<Db>, caps: StoreCaps, rows: readonly NewTaskRow[]): Promise<void> {
  for (const chunk of chunkRows(rows, caps.maxParameters)) {
    await db.insertInto('task').values(chunk).execute();
  }
}
