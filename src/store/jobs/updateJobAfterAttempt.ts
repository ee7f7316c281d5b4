import { type Kysely, type RawBuilder, sql } from 'kysely';
import { JobStatus } from '../../core/enums.js';
import type { AttemptHistory } from '../../core/strategy/types.js';
import type { Db } from '../schema.js';

export interface JobAfterAttempt {
  jobId: string;
  history: AttemptHistory;
  /** Where the job goes if it is still Executing (a cancel or pause during the call wins). */
  status: JobStatus;
  failureReason: number | null;
  nextAttemptAt: number | null;
  now: number;
}

/**
 * Records an attempt on its job. The history always lands (the attempt happened); the status moves
 * only from Executing, so a job cancelled or paused while its call ran stays as the user left it.
 * Returns where the job stands afterwards.
 */
export async function updateJobAfterAttempt(
  db: Kysely<Db>,
  u: JobAfterAttempt,
): Promise<{ status: number; failureReason: number | null } | undefined> {
  const terminal = u.status === JobStatus.Succeeded || u.status === JobStatus.Failed;
  const row = await db
    .updateTable('job')
    .set((eb) => ({
      attempts: u.history.attempts,
      day_key: u.history.dayKey,
      day_attempts: u.history.dayAttempts,
      last_ended_at: u.history.lastEndedAt,
      status: fromExecuting(u.status, 'status'),
      failure_reason: fromExecuting(u.failureReason, 'failure_reason'),
      next_attempt_at: fromExecuting(u.nextAttemptAt, 'next_attempt_at'),
      finished_at: fromExecuting(terminal ? u.now : null, 'finished_at'),
      updated_at: u.now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', u.jobId)
    .returning(['status', 'failure_reason'])
    .executeTakeFirst();
  return row && { status: row.status, failureReason: row.failure_reason };
}

function fromExecuting<T extends number | null>(value: T, column: string): RawBuilder<T> {
  return sql<T>`case when status = ${JobStatus.Executing} then ${value} else ${sql.ref(column)} end`;
}
