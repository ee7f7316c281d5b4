import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/** Changes the given fields; false when no such instance. */
export async function updateInstance(
  db: Kysely<Db>,
  id: string,
  patch: { name?: string; description?: string },
): Promise<boolean> {
  const r = await db
    .updateTable('instance')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
