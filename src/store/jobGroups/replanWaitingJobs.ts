import type { Kysely } from 'kysely';
import { JobStatus } from '../../core/enums.js';
import { type JobReplan, replanColumns } from '../jobs/replanClaimedJob.js';
import type { Db, JobRow } from '../schema.js';

/**
 * Moves waiting jobs to a new next attempt, or fails them when the strategy allows none. Only jobs
 * still waiting are touched: one the engine claimed meanwhile is left to the engine. Returns the jobs moved, as
 * they now stand.
 */
export async function replanWaitingJobs(db: Kysely<Db>, u: { ids: readonly string[] } & JobReplan): Promise<JobRow[]> {
  if (u.ids.length === 0) return [];
  return db
    .updateTable('job')
    .set(replanColumns(u))
    .where('id', 'in', u.ids)
    .where('status', '=', JobStatus.Scheduling)
    .where('strategy', 'is', null)
    .returningAll()
    .execute();
}
