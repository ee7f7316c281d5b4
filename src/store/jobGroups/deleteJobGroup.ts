import type { Kysely } from 'kysely';
import type { JobGroupStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

/**
 * Deletes a group with its tasks, jobs and their policy refusals if it is still in one of `statuses`; false (and the caller
 * rolls back) when it is not. Call inside a transaction.
 */
export async function deleteJobGroup(
  db: Kysely<Db>,
  jobGroupId: string,
  statuses: readonly JobGroupStatus[],
): Promise<boolean> {
  await db.deleteFrom('policy_refusal').where('job_group_id', '=', jobGroupId).execute();
  await db.deleteFrom('task').where('job_group_id', '=', jobGroupId).execute();
  await db.deleteFrom('job').where('job_group_id', '=', jobGroupId).execute();
  const r = await db
    .deleteFrom('job_group')
    .where('id', '=', jobGroupId)
    .where('status', 'in', statuses)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
