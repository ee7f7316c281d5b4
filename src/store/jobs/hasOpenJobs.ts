import type { Kysely } from 'kysely';
import { JobStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

/** True while any job of the group can still be dialled (Scheduling, Executing or Paused). */
export async function hasOpenJobs(db: Kysely<Db>, jobGroupId: string): Promise<boolean> {
  const r = await db
    .selectFrom('job')
    .select('id')
    .where('job_group_id', '=', jobGroupId)
    .where('status', 'in', [JobStatus.Scheduling, JobStatus.Executing, JobStatus.Paused])
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}
