import type { Kysely } from 'kysely';
import type { Script } from '../../core/types.js';
import { toScript } from '../rows.js';
import type { Db } from '../schema.js';

/** The instance's scripts, newest first, by the script_by_instance index. */
export async function listScripts(
  db: Kysely<Db>,
  instanceId: string,
  w: { limit: number; offset: number },
): Promise<Script[]> {
  const rows = await db
    .selectFrom('script')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(w.limit)
    .offset(w.offset)
    .execute();
  return rows.map(toScript);
}
