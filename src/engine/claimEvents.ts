import type { Kysely } from 'kysely';
import { FailureReason, JobStatus } from '../core/enums.js';
import { eventRow, taskSnapshot } from '../events/outbox/eventRows.js';
import { jobCompleteEvents } from '../events/outbox/jobCompleteEvents.js';
import type { Db, JobRow, NewEventRow, NewTaskRow, TaskRow } from '../store/schema.js';
import type { CallInFlight } from './outcomeRecorder.js';

/**
 * The outbox rows of one claim: Dialing for each call started (its task as inserted), and JobComplete
 * for each job the claim found could never be dialled again. Same transaction as the claim.
 */
export async function claimEvents(
  db: Kysely<Db>,
  started: readonly CallInFlight[],
  tasks: readonly NewTaskRow[],
  failed: readonly JobRow[],
  now: number,
  newId: () => string,
): Promise<NewEventRow[]> {
  const rows: NewEventRow[] = started.map((c, i) =>
    eventRow({
      id: newId(),
      type: 'Dialing',
      occurredAt: now,
      job: c.job,
      status: JobStatus.Executing,
      failureReason: null,
      attempts: c.job.attempts + 1,
      task: taskSnapshot(tasks[i] as TaskRow, null),
    }),
  );
  const ended = failed.map((job) => ({
    ...job,
    status: JobStatus.Failed,
    failure_reason: job.failure_reason ?? FailureReason.TimeUp,
  }));
  rows.push(...(await jobCompleteEvents(db, ended, now, newId)));
  return rows;
}
