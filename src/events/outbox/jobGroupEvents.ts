import type { Kysely } from 'kysely';
import type { JobGroupEvent } from '../../core/events.js';
import { getJobGroup } from '../../store/jobGroups/getJobGroup.js';
import { updateJobGroupStatus } from '../../store/jobGroups/updateJobGroupStatus.js';
import { jobGroupProgressOf } from '../../store/reports/jobGroupProgressOf.js';
import type { Db, NewEventRow } from '../../store/schema.js';

/**
 * The JobGroupComplete event of a group that has just ended (Completed or Cancelled), read inside the
 * transaction that ended it. Its outbox row carries the group's id where job events carry the job's: the
 * delivery order is kept per group for it, as per job for job events.
 */
export async function jobGroupCompleteEvent(
  db: Kysely<Db>,
  jobGroupId: string,
  now: number,
  newId: () => string,
): Promise<NewEventRow | undefined> {
  const found = await getJobGroup(db, jobGroupId);
  if (!found) return undefined;
  const { version: _, ...group } = found;
  const event: JobGroupEvent = {
    id: newId(),
    type: 'JobGroupComplete',
    occurredAt: now,
    instanceId: group.instanceId,
    jobGroupId: group.id,
    jobId: null,
    taskId: null,
    group,
    progress: await jobGroupProgressOf(db, found),
  };
  return {
    id: event.id,
    instance_id: group.instanceId,
    job_group_id: group.id,
    job_id: group.id,
    task_id: null,
    type: event.type,
    occurred_at: now,
    data: JSON.stringify(event),
  };
}

/**
 * Completes a running group (Scheduling or Executing → Completed) and writes its JobGroupComplete event, both in
 * `trx`; false when the group was not running (someone else ended it first).
 */
export async function completeJobGroup(
  trx: Kysely<Db>,
  c: { id: string; now: number; newId: () => string },
): Promise<NewEventRow | undefined> {
  const done = await updateJobGroupStatus(trx, {
    id: c.id,
    from: ['Scheduling', 'Executing'],
    to: 'Completed',
    now: c.now,
    finishedAt: c.now,
  });
  return done ? jobGroupCompleteEvent(trx, c.id, c.now, c.newId) : undefined;
}
