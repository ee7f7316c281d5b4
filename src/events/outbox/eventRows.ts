import type { EventType, TaskSnapshot } from '../../core/events.js';
import { taskRecording } from '../../store/rows.js';
import type { JobRow, NewEventRow, TaskRow } from '../../store/schema.js';
import { taskRobotResult } from '../../store/tasks/taskRobotColumns.js';

/** What a state change knows when it causes an event; the job's contacts and extras come from its row. */
export interface EventFacts {
  id: string;
  type: EventType;
  occurredAt: number;
  job: Pick<JobRow, 'id' | 'instance_id' | 'job_group_id' | 'reference_id' | 'contacts' | 'extras'>;
  /** The job's state right after the change. */
  status: number;
  failureReason: number | null;
  attempts: number;
  task: TaskSnapshot | null;
  tasks?: TaskSnapshot[];
}

// The job's contacts and extras are stored as JSON already: they go into the event's JSON as they are,
// not parsed and written again for each of the several events a call causes.
const SPLICE = '"contacts":0,"extras":0';

/** The outbox row of one event: the OutdialEvent as JSON (src/core/events.ts), and the columns fan-out reads. */
export function eventRow(f: EventFacts): NewEventRow {
  const json = JSON.stringify({
    id: f.id,
    type: f.type,
    occurredAt: f.occurredAt,
    instanceId: f.job.instance_id,
    jobGroupId: f.job.job_group_id,
    jobId: f.job.id,
    taskId: f.task?.id ?? null,
    job: {
      id: f.job.id,
      instanceId: f.job.instance_id,
      jobGroupId: f.job.job_group_id,
      referenceId: f.job.reference_id,
      status: f.status,
      failureReason: f.failureReason,
      attempts: f.attempts,
      contacts: 0,
      extras: 0,
    },
    task: f.task,
    tasks: f.tasks ?? [],
  });
  const at = json.indexOf(SPLICE);
  return {
    id: f.id,
    instance_id: f.job.instance_id,
    job_group_id: f.job.job_group_id,
    job_id: f.job.id,
    task_id: f.task?.id ?? null,
    type: f.type,
    occurred_at: f.occurredAt,
    data: `${json.slice(0, at)}"contacts":${f.job.contacts},"extras":${f.job.extras}${json.slice(at + SPLICE.length)}`,
  };
}

/** A task row as events show it. */
export function taskSnapshot(
  t: Omit<TaskRow, 'owner' | 'lease_until' | 'line_failures'>,
  answeredAt: number | null,
): TaskSnapshot {
  return {
    id: t.id,
    attempt: t.attempt,
    status: t.status as TaskSnapshot['status'],
    plannedTime: t.planned_time,
    actualTime: t.actual_time,
    answeredAt,
    endTime: t.end_time,
    callingNumber: t.calling_number,
    calledNumber: t.called_number,
    hangupCause: t.hangup_cause,
    sipCode: t.sip_code,
    ringDuration: t.ring_duration,
    talkDuration: t.talk_duration,
    robot: taskRobotResult(t),
    recording: taskRecording(t),
  };
}
