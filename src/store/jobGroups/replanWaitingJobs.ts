import type { Kysely } from 'kysely';
import { JobStatus } from '../../core/enums.js';
import type { Db, JobRow } from '../schema.js';

/**
 * Moves waiting jobs to a new next attempt, or fails them when the strategy allows none. Only jobs
 * still waiting are touched: one the engine claimed meanwhile is left to the engine. Returns the jobs moved, as
 * they now stand.
 */
export async function replanWaitingJobs(
  db: Kysely<Db>,
  u: { ids: readonly string[]; now: number } & ({ nextAttemptAt: number } | { failureReason: number }),
): Promise<JobRow[]> {
  if (u.ids.length === 0) return [];
  const failed = 'failureReason' in u;
  return db
    .updateTable('job')
    .set((eb) => ({
      status: failed ? JobStatus.Failed : JobStatus.Scheduling,
      failure_reason: failed ? u.failureReason : null,
      next_attempt_at: failed ? null : u.nextAttemptAt,
      finished_at: failed ? u.now : null,
      updated_at: u.now,
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', u.ids)
    .where('status', '=', JobStatus.Scheduling)
    .where('strategy', 'is', null)
    .returningAll()
    .execute();
}
