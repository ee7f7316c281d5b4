import type { Kysely } from 'kysely';
import type { JobGroup } from '../../core/types.js';
import { toJobGroup } from '../rows.js';
import type { Db } from '../schema.js';

/** Groups the scheduler serves, Urgent before Daily, older before newer. */
export async function listRunnableJobGroups(db: Kysely<Db>): Promise<JobGroup[]> {
  const rows = await db
    .selectFrom('job_group')
    .selectAll()
    .where('status', 'in', ['Scheduling', 'Executing'])
    .orderBy('priority')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toJobGroup);
}
