import type { Kysely } from 'kysely';
import { JobStatus } from '../../core/enums.js';
import type { StoreCaps } from '../dialects.js';
import type { Db, JobRow } from '../schema.js';

export interface ClaimQuery {
  jobGroupId: string;
  /** The Clock's time, bound as a parameter: virtual time reaches the database too. */
  now: number;
  limit: number;
  /**
   * When the group's own calendar is closed, only jobs that carry their own zone or strategy can
   * be dialable; the caller checks each of those against its own calendar.
   */
  onlyOwnCalendar: boolean;
}

/**
 * Moves up to `limit` due jobs of one group from Scheduling to Executing and returns them.
 *
 * One statement: `WITH due AS (SELECT … ORDER BY next_attempt_at LIMIT n) UPDATE … WHERE id IN due
 * RETURNING *`, walking the `job_due` index. The CTE matters on PostgreSQL: a plain `IN (SELECT …
 * LIMIT n FOR UPDATE SKIP LOCKED)` may be re-scanned by the planner and update more than n rows,
 * while a locking CTE is materialised once. `SKIP LOCKED` lets engines sharing the table never wait
 * on each other nor claim the same job; SQLite has a single writer. The status guard in the outer
 * WHERE makes a lost race a skipped row, never a double claim.
 */
export async function claimDueJobs(db: Kysely<Db>, caps: StoreCaps, q: ClaimQuery): Promise<JobRow[]> {
  const claimed = await db
    .with('due', (w) => {
      let due = w
        .selectFrom('job')
        .select('id')
        .where('job_group_id', '=', q.jobGroupId)
        .where('status', '=', JobStatus.Scheduling)
        .where('next_attempt_at', '<=', q.now);
      if (q.onlyOwnCalendar) {
        due = due.where((eb) => eb.or([eb('time_zone', 'is not', null), eb('strategy', 'is not', null)]));
      }
      // Ties go in index order (assignment order): ordering by id as well would defeat the job_due index and
      // sort the whole backlog on every claim (bench/RESULTS.md: 102 → 13 µs per job on SQLite).
      due = due.orderBy('next_attempt_at').limit(q.limit);
      return caps.skipLocked ? due.forUpdate().skipLocked() : due;
    })
    .updateTable('job')
    .set((eb) => ({ status: JobStatus.Executing, updated_at: q.now, version: eb('version', '+', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
    .where('status', '=', JobStatus.Scheduling)
    .returningAll()
    .execute();
  // RETURNING promises no order (both backends give table order): put the earliest due first again, as
  // the caller starts calls in the order given until its lines run out. The sort is stable: ties keep
  // table order, which for jobs never dialled is the order they were assigned in.
  return claimed.sort((a, b) => (a.next_attempt_at ?? 0) - (b.next_attempt_at ?? 0));
}
