import type { Kysely } from 'kysely';
import { JobStatus } from '../../core/enums.js';
import type { Db, JobRow } from '../schema.js';

export type WaitingJob = Pick<
  JobRow,
  'id' | 'created_at' | 'time_zone' | 'attempts' | 'day_key' | 'day_attempts' | 'last_ended_at'
>;

/**
 * One batch of the group's waiting jobs that follow the group's strategy (no strategy of their own),
 * in (created_at, id) order after `after`, walking the job_by_group_created index.
 */
export async function listWaitingJobs(
  db: Kysely<Db>,
  q: { jobGroupId: string; after: { createdAt: number; id: string } | null; limit: number },
): Promise<WaitingJob[]> {
  let s = db
    .selectFrom('job')
    .select(['id', 'created_at', 'time_zone', 'attempts', 'day_key', 'day_attempts', 'last_ended_at'])
    .where('job_group_id', '=', q.jobGroupId)
    .where('status', '=', JobStatus.Scheduling)
    .where('strategy', 'is', null);
  const a = q.after;
  if (a) {
    s = s.where((eb) =>
      eb.or([eb('created_at', '>', a.createdAt), eb.and([eb('created_at', '=', a.createdAt), eb('id', '>', a.id)])]),
    );
  }
  return s.orderBy('created_at').orderBy('id').limit(q.limit).execute();
}
