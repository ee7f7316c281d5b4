import type { Kysely } from 'kysely';
import { JobStatus } from '../../core/enums.js';
import type { Db, JobRow } from '../schema.js';

/** These jobs, or every job of one group. */
export type JobSelector = { ids: readonly string[] } | { jobGroupId: string };

/**
 * Cancels the selected jobs that are still open; returns them as they now stand. A job whose
 * call is running is cancelled too: the outcome is still recorded, the job stays Cancelled. The status
 * guard makes a job the engine finished meanwhile a skipped row, never an overwrite.
 */
export async function cancelJobs(db: Kysely<Db>, which: JobSelector, now: number): Promise<JobRow[]> {
  if ('ids' in which && which.ids.length === 0) return [];
  const rows = await db
    .updateTable('job')
    .set((eb) => ({
      status: JobStatus.Cancelled,
      next_attempt_at: null,
      finished_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where((eb) => ('ids' in which ? eb('id', 'in', which.ids) : eb('job_group_id', '=', which.jobGroupId)))
    .where('status', 'in', [JobStatus.Scheduling, JobStatus.Executing, JobStatus.Paused])
    .returningAll()
    .execute();
  return rows;
}
