import type { Kysely } from 'kysely';
import { chunkRows } from '../chunk.js';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';

/** Which of these ids are jobs of the instance (and of the group, when one is given). */
export async function findJobIds(
  db: Kysely<Db>,
  caps: StoreCaps,
  scope: { instanceId: string; jobGroupId?: string },
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunkRows(
    ids.map((id) => ({ id })),
    caps.maxParameters - 2,
  )) {
    let q = db
      .selectFrom('job')
      .select('id')
      .where('instance_id', '=', scope.instanceId)
      .where(
        'id',
        'in',
        chunk.map((c) => c.id),
      );
    if (scope.jobGroupId !== undefined) q = q.where('job_group_id', '=', scope.jobGroupId);
    for (const r of await q.execute()) found.add(r.id);
  }
  return found;
}
