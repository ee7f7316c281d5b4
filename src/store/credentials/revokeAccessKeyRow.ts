import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/** Marks the pair revoked at `now` unless it already is; false when nothing changed. */
export async function revokeAccessKeyRow(db: Kysely<Db>, id: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('access_key')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
