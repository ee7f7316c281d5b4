import type { ExpressionBuilder, Kysely } from 'kysely';
import { JobStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

/** A job's next plan: an attempt at `nextAttemptAt`, or Failed for `failureReason`. */
export type JobReplan = { now: number } & ({ nextAttemptAt: number } | { failureReason: number });

/** The columns a job takes when re-planned: back to Scheduling at its next attempt, or Failed and finished. */
export function replanColumns(u: JobReplan) {
  const failed = 'failureReason' in u;
  return (eb: ExpressionBuilder<Db, 'job'>) => ({
    status: failed ? JobStatus.Failed : JobStatus.Scheduling,
    failure_reason: failed ? u.failureReason : null,
    next_attempt_at: failed ? null : u.nextAttemptAt,
    finished_at: failed ? u.now : null,
    updated_at: u.now,
    version: eb('version', '+', 1),
  });
}

/**
 * Gives back a claimed job that turned out not dialable now: to Scheduling at its next allowed
 * instant, or Failed when the strategy allows none.
 */
export async function replanClaimedJob(db: Kysely<Db>, u: { jobId: string } & JobReplan): Promise<void> {
  await db
    .updateTable('job')
    .set(replanColumns(u))
    .where('id', '=', u.jobId)
    .where('status', '=', JobStatus.Executing)
    .execute();
}
