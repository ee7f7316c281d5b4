import type { Kysely } from 'kysely';
import { type FailureReason, JobStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

/** Where a resumed job goes. */
export interface ResumeTarget {
  status: JobStatus;
  failureReason: FailureReason | null;
  nextAttemptAt: number | null;
  finishedAt: number | null;
}

/**
 * Moves those of these jobs that are still Paused at `version` (the version they were read and planned
 * at: compare-and-set, so a move made since, such as a call's outcome recorded, wins) to `to`, in one
 * statement. Returns the ids moved; the caller re-reads the others.
 */
export async function resumePausedJobs(
  db: Kysely<Db>,
  ids: readonly string[],
  version: number,
  to: ResumeTarget,
  now: number,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('job')
    .set((eb) => ({
      status: to.status,
      failure_reason: to.failureReason,
      next_attempt_at: to.nextAttemptAt,
      finished_at: to.finishedAt,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', ids)
    .where('status', '=', JobStatus.Paused)
    .where('version', '=', version)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
