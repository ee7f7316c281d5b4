import type { Kysely } from 'kysely';
import type { Instance } from '../../core/types.js';
import { toInstance } from '../rows.js';
import type { Db } from '../schema.js';

/** Newest first, (created_at desc, id desc); `before` continues after a row (keyset), `offset` skips rows. */
export async function listInstances(
  db: Kysely<Db>,
  w: { limit: number; offset?: number; before?: { createdAt: number; id: string } | null },
): Promise<Instance[]> {
  let q = db.selectFrom('instance').selectAll();
  const b = w.before;
  if (b) {
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', b.createdAt), eb.and([eb('created_at', '=', b.createdAt), eb('id', '<', b.id)])]),
    );
  }
  q = q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(w.limit);
  if (w.offset) q = q.offset(w.offset);
  return (await q.execute()).map(toInstance);
}
