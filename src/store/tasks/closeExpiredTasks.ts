import type { Kysely } from 'kysely';
import { TaskStatus } from '../../core/enums.js';
import type { Db, JobRow, TaskRow } from '../schema.js';

export const LOST_LEASE_CAUSE = 'ENGINE_LOST';

/**
 * Closes calls whose engine stopped renewing its lease (it died or hung) as Terminated, and returns
 * them with their jobs, still Executing, for the caller to reschedule by the strategy.
 * Run it in a transaction with the job updates.
 */
export async function closeExpiredTasks(
  db: Kysely<Db>,
  now: number,
  limit: number,
): Promise<{ task: TaskRow; job: JobRow }[]> {
  const expired = await db
    .selectFrom('task')
    .selectAll()
    .where('status', '=', TaskStatus.Executing)
    .where('lease_until', '<', now)
    .orderBy('lease_until')
    .limit(limit)
    .execute();
  if (expired.length === 0) return [];
  const lost = {
    status: TaskStatus.Terminated,
    end_time: now,
    hangup_cause: LOST_LEASE_CAUSE,
    owner: null,
    lease_until: null,
  };
  const closed = await db
    .updateTable('task')
    .set(lost)
    .where(
      'id',
      'in',
      expired.map((t) => t.id),
    )
    .where('status', '=', TaskStatus.Executing)
    .where('lease_until', '<', now)
    .returning('id')
    .execute();
  const closedIds = new Set(closed.map((c) => c.id));
  const tasks = expired.filter((t) => closedIds.has(t.id));
  if (tasks.length === 0) return [];
  const jobs = await db
    .selectFrom('job')
    .selectAll()
    .where(
      'id',
      'in',
      tasks.map((t) => t.job_id),
    )
    .execute();
  const byId = new Map(jobs.map((j) => [j.id, j]));
  return tasks.flatMap((task) => {
    const job = byId.get(task.job_id);
    return job ? [{ task: { ...task, ...lost }, job }] : [];
  });
}
