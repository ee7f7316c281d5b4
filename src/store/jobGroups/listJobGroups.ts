import type { Kysely } from 'kysely';
import type { JobGroup } from '../../core/types.js';
import { toJobGroup } from '../rows.js';
import type { Db } from '../schema.js';
import { filterJobGroups, type JobGroupFilter } from './jobGroupFilter.js';

/**
 * Newest first, (created_at desc, id desc), walking the job_group_by_instance index. `before` continues
 * after a row (keyset); `offset` skips rows (page numbers).
 */
export async function listJobGroups(
  db: Kysely<Db>,
  f: JobGroupFilter,
  w: { limit: number; offset?: number; before?: { createdAt: number; id: string } | null },
): Promise<JobGroup[]> {
  let q = filterJobGroups(db, f).selectAll();
  const b = w.before;
  if (b) {
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', b.createdAt), eb.and([eb('created_at', '=', b.createdAt), eb('id', '<', b.id)])]),
    );
  }
  q = q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(w.limit);
  if (w.offset) q = q.offset(w.offset);
  return (await q.execute()).map(toJobGroup);
}
