import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/** Deletes a line group and its lines. Call inside a transaction. */
export async function deleteLineGroup(db: Kysely<Db>, id: string): Promise<void> {
  await db.deleteFrom('line').where('line_group_id', '=', id).execute();
  await db.deleteFrom('line_group').where('id', '=', id).execute();
}
