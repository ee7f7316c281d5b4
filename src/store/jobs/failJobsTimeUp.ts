import type { Kysely } from 'kysely';
import { FailureReason, JobStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

/**
 * The group's end has passed: its waiting and paused jobs that follow the group's strategy fail
 * TimeUp. Jobs with their own strategy keep their own end.
 */
export async function failJobsTimeUp(db: Kysely<Db>, jobGroupId: string, now: number): Promise<number> {
  const r = await db
    .updateTable('job')
    .set((eb) => ({
      status: JobStatus.Failed,
      failure_reason: FailureReason.TimeUp,
      next_attempt_at: null,
      finished_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('job_group_id', '=', jobGroupId)
    .where('status', 'in', [JobStatus.Scheduling, JobStatus.Paused])
    .where('strategy', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
