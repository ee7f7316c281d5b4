import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/** Changes the given fields of a line group. */
export async function updateLineGroup(
  db: Kysely<Db>,
  id: string,
  patch: { name?: string; capacity?: number; callsPerSecond?: number },
): Promise<void> {
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
    ...(patch.callsPerSecond !== undefined ? { calls_per_second: patch.callsPerSecond } : {}),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable('line_group').set(set).where('id', '=', id).execute();
}
