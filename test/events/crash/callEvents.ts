import { TaskStatus } from '../../../src/core/enums.js';
import type { JobEvent, TaskSnapshot } from '../../../src/core/events.js';
import type { NewEventRow } from '../../../src/store/schema.js';
import { outboxEvent } from '../dispatchHarness.js';

/** One event of the test's outbox: the `n`th of its job, at `at`. */
export interface PlannedEvent {
  id: string;
  jobId: string;
  n: number;
  at: number;
}

/** `count` events over `jobs` jobs, round robin, 1 ms apart from `base`: each job's in the order they happen. */
export function planEvents(count: number, jobs: number, base: number): PlannedEvent[] {
  return Array.from({ length: count }, (_, k) => ({
    id: `ev-${k.toString().padStart(5, '0')}`,
    jobId: `job-${(k % jobs).toString().padStart(2, '0')}`,
    n: Math.floor(k / jobs),
    at: base + k,
  }));
}

/**
 * The outbox row of a planned event: a job's calls one after another, each a Dialing then a CallFinished
 * (not answered), carrying the task as the engine writes it.
 */
export function callEventRow(e: PlannedEvent, instanceId: string, jobGroupId: string): NewEventRow {
  const finished = e.n % 2 === 1;
  const attempt = Math.floor(e.n / 2) + 1;
  const taskId = `${e.jobId}-task-${attempt}`;
  const row = outboxEvent({
    id: e.id,
    type: finished ? 'CallFinished' : 'Dialing',
    at: e.at,
    instanceId,
    jobGroupId,
    jobId: e.jobId,
  });
  const startedAt = finished ? e.at - 1 : e.at;
  const task: TaskSnapshot = {
    id: taskId,
    attempt,
    status: finished ? TaskStatus.NoAnswer : TaskStatus.Executing,
    plannedTime: startedAt,
    actualTime: startedAt,
    answeredAt: null,
    endTime: finished ? e.at : null,
    callingNumber: '02100000001',
    calledNumber: '13800000000',
    hangupCause: finished ? 'NO_ANSWER' : null,
    sipCode: finished ? 480 : null,
    ringDuration: finished ? 1 : 0,
    talkDuration: 0,
  };
  const data = JSON.parse(row.data) as JobEvent;
  const event: JobEvent = { ...data, taskId, task, job: { ...data.job, attempts: attempt } };
  return { ...row, task_id: taskId, data: JSON.stringify(event) };
}
