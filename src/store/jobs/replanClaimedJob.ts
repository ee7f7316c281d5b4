import type { Kysely } from 'kysely';
import { JobStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

/**
 * Gives back a claimed job that turned out not dialable now: to Scheduling at its next allowed
 * instant, or Failed when the strategy allows none.
 */
export async function replanClaimedJob(
  db: Kysely<Db>,
  u: { jobId: string; now: number } & ({ nextAttemptAt: number } | { failureReason: number }),
): Promise<void> {
  const failed = 'failureReason' in u;
  await db
    .updateTable('job')
    .set((eb) => ({
      status: failed ? JobStatus.Failed : JobStatus.Scheduling,
      failure_reason: failed ? u.failureReason : null,
      next_attempt_at: failed ? null : u.nextAttemptAt,
      finished_at: failed ? u.now : null,
      updated_at: u.now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', u.jobId)
    .where('status', '=', JobStatus.Executing)
    .execute();
}
