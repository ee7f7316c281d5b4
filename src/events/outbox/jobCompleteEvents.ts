import type { Kysely } from 'kysely';
import type { JobStatus } from '../../core/enums.js';
import { tasksOfJobsForEvents } from '../../store/events/tasksOfJobs.js';
import type { Db, JobRow, NewEventRow } from '../../store/schema.js';
import { eventRow, taskSnapshot } from './eventRows.js';

/**
 * JobComplete events of jobs that just reached a final status (their rows as they now stand), each with
 * every task of the job. Called inside the transaction that ended them.
 */
export async function jobCompleteEvents(
  db: Kysely<Db>,
  jobs: readonly Pick<
    JobRow,
    | 'id'
    | 'instance_id'
    | 'job_group_id'
    | 'reference_id'
    | 'contacts'
    | 'extras'
    | 'status'
    | 'failure_reason'
    | 'attempts'
  >[],
  now: number,
  newId: () => string,
): Promise<NewEventRow[]> {
  if (jobs.length === 0) return [];
  const byJob = await tasksOfJobsForEvents(
    db,
    jobs.map((j) => j.id),
  );
  return jobs.map((job) =>
    eventRow({
      id: newId(),
      type: 'JobComplete',
      occurredAt: now,
      job,
      status: job.status as JobStatus,
      failureReason: job.failure_reason,
      attempts: job.attempts,
      task: null,
      tasks: (byJob.get(job.id) ?? []).map((t) => taskSnapshot(t, null)),
    }),
  );
}
