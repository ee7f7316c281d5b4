import type { Kysely } from 'kysely';
import { FailureReason, JobStatus } from '../../core/enums.js';
import type { Db, JobRow } from '../schema.js';

/** These jobs, or every job of one group. */
export type JobSelector = { ids: readonly string[] } | { jobGroupId: string };

/** How an open job ends: Cancelled, or Failed with a reason. */
type JobEnd =
  | { status: typeof JobStatus.Cancelled }
  | { status: typeof JobStatus.Failed; failureReason: FailureReason };

/**
 * Cancels the selected jobs that are still open; returns them as they now stand. A job whose
 * call is running is cancelled too: the outcome is still recorded, the job stays Cancelled. The status
 * guard makes a job the engine finished meanwhile a skipped row, never an overwrite.
 */
export function cancelJobs(db: Kysely<Db>, which: JobSelector, now: number): Promise<JobRow[]> {
  return endOpenJobs(db, which, now, { status: JobStatus.Cancelled });
}

/** Stops calling the selected jobs' contacts: open jobs fail ContactSuspended, as cancelJobs otherwise. */
export function stopCallingJobs(db: Kysely<Db>, ids: readonly string[], now: number): Promise<JobRow[]> {
  return endOpenJobs(db, { ids }, now, { status: JobStatus.Failed, failureReason: FailureReason.ContactSuspended });
}

async function endOpenJobs(db: Kysely<Db>, which: JobSelector, now: number, end: JobEnd): Promise<JobRow[]> {
  if ('ids' in which && which.ids.length === 0) return [];
  return db
    .updateTable('job')
    .set((eb) => ({
      status: end.status,
      ...(end.status === JobStatus.Failed ? { failure_reason: end.failureReason } : {}),
      next_attempt_at: null,
      finished_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where((eb) => ('ids' in which ? eb('id', 'in', which.ids) : eb('job_group_id', '=', which.jobGroupId)))
    .where('status', 'in', [JobStatus.Scheduling, JobStatus.Executing, JobStatus.Paused])
    .returningAll()
    .execute();
}
