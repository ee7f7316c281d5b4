import type { Kysely } from 'kysely';
import type { Script } from '../../core/types.js';
import { toScript } from '../rows.js';
import type { Db } from '../schema.js';

/**
 * The instance's scripts, newest first (created_at desc, id desc), by the script_by_instance index.
 * `before` continues after a row (keyset); `offset` skips rows (page numbers).
 */
export async function listScripts(
  db: Kysely<Db>,
  instanceId: string,
  w: { limit: number; offset?: number; before?: { createdAt: number; id: string } | null },
): Promise<Script[]> {
  let q = db.selectFrom('script').selectAll().where('instance_id', '=', instanceId);
  const b = w.before;
  if (b) {
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', b.createdAt), eb.and([eb('created_at', '=', b.createdAt), eb('id', '<', b.id)])]),
    );
  }
  q = q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(w.limit);
  if (w.offset) q = q.offset(w.offset);
  return (await q.execute()).map(toScript);
}
