import type { Kysely } from 'kysely';
import { chunkRows } from '../chunk.js';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';
import { instanceGroups } from './jobFilter.js';

/**
 * Ids of the jobs carrying these referenceIds: inside the group when one is given, else in every group of
 * the instance, where one referenceId may name several jobs. Either way the (job_group_id, reference_id)
 * unique index answers: across the instance, its groups are named by a subquery.
 */
export async function findJobIdsByReference(
  db: Kysely<Db>,
  caps: StoreCaps,
  scope: { instanceId: string; jobGroupId?: string },
  referenceIds: readonly string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const chunk of chunkRows(
    referenceIds.map((r) => ({ r })),
    caps.maxParameters - 2,
  )) {
    const refs = chunk.map((c) => c.r);
    const q =
      scope.jobGroupId !== undefined
        ? db.selectFrom('job').select('id').where('job_group_id', '=', scope.jobGroupId)
        : db
            .selectFrom('job')
            .select('id')
            .where('job_group_id', 'in', instanceGroups(db, scope.instanceId))
            .where('instance_id', '=', scope.instanceId);
    for (const r of await q.where('reference_id', 'in', refs).execute()) ids.push(r.id);
  }
  return ids;
}
