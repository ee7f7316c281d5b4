import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

export async function markEventsFannedOut(db: Kysely<Db>, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await db.updateTable('event').set({ fanned_out: 1 }).where('id', 'in', eventIds).execute();
}
