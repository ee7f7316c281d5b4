import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/** Those of `ids` that are job groups of the instance. */
export async function jobGroupIdsOfInstance(
  db: Kysely<Db>,
  instanceId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('job_group')
    .select('id')
    .where('instance_id', '=', instanceId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => r.id);
}
