import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { isTerminalJobStatus, JobStatus, TaskStatus } from '../core/enums.js';
import type { TaskRecording, TaskRobotResult, TaskSnapshot } from '../core/events.js';
import { assertTaskTransition } from '../core/machines/taskTransitions.js';
import type { JobGroup, Line } from '../core/types.js';
import { eventRow, taskSnapshot } from '../events/outbox/eventRows.js';
import type { Recordings } from '../recordings/recordingStore.js';
import type { StoreCaps } from '../store/dialects.js';
import { insertEvents } from '../store/events/insertEvents.js';
import { tasksOfJobsForEvents } from '../store/events/tasksOfJobs.js';
import { updateJobAfterAttempt } from '../store/jobs/updateJobAfterAttempt.js';
import { type NumberOutcome, recordNumberOutcomes } from '../store/policy/recordNumberOutcome.js';
import { upsertListEntries } from '../store/policy/upsertListEntries.js';
import type { Db, JobRow, NewEventRow, TaskRow } from '../store/schema.js';
import { completeTask } from '../store/tasks/completeTask.js';
import { taskRobotColumns } from '../store/tasks/taskRobotColumns.js';
import type { DialResult } from '../telephony/port.js';
import type { EngineEvents } from './events.js';
import { planAfterAttempt } from './planAfterAttempt.js';
import { type CallRobot, robotOutcome } from './robotOutcome.js';

/** A script tag meaning the callee asked not to be called again: their number joins the instance's block list. */
export const OPT_OUT_TAG = 'do_not_call';

import type { VerificationHook } from './verifyDial.js';

/** A call this engine placed and holds until its outcome is recorded. */
export interface CallInFlight {
  taskId: string;
  job: JobRow;
  group: JobGroup;
  line: Line;
  /** Index into group.lineGroupIds of the line group carrying the call. */
  lineGroupIndex: number;
  lineFailures: number;
  startedAt: number;
  /** The voice robot of the group's script; null when it runs none. */
  robot: CallRobot | null;
  /** How long the call may ring: the group's RingingDuration, raised to the contact policy's minimum. */
  ringSeconds: number;
  /** The instance's pre-dial hook, asked before the first line is dialled; null when it has none. */
  verification: VerificationHook | null;
  /** When the adapter reported the ringing and the answer (CallAnswered is then written at once, not with the outcome). */
  ringingAt?: number;
  answeredAt?: number;
}

interface RecordedCall {
  call: CallInFlight;
  result: DialResult;
  robot: TaskRobotResult | null;
  recording: TaskRecording | null;
  jobStatus: number;
  failureReason: number | null;
  /** The job reached a final status with this call (and was not stopped by the user meanwhile). */
  completes: boolean;
  /** Where the job stands after the call was recorded. */
  statusAfter: number;
  failureReasonAfter: number | null;
}

/** The CallAnswered event of a call answered at `at`: the task still Executing, the job as it was claimed. */
function answeredEvent(
  call: CallInFlight,
  at: number,
  newId: () => string,
  ringDuration = at - (call.ringingAt ?? at),
): NewEventRow {
  return eventRow({
    id: newId(),
    type: 'CallAnswered',
    occurredAt: at,
    job: call.job,
    status: JobStatus.Executing,
    failureReason: null,
    attempts: call.job.attempts + 1,
    task: {
      id: call.taskId,
      attempt: call.job.attempts + 1,
      status: TaskStatus.Executing,
      plannedTime: call.job.next_attempt_at ?? call.startedAt,
      actualTime: call.startedAt,
      answeredAt: at,
      endTime: null,
      callingNumber: call.line.callingNumber,
      calledNumber: call.job.phone_number,
      hangupCause: null,
      sipCode: null,
      ringDuration,
      talkDuration: 0,
      robot: null,
    },
  });
}

/**
 * The outbox rows of recorded calls: CallAnswered (at the answer) when answered, CallFinished, RecordingReady
 * when its recording was kept, and JobComplete with every task of the job when the call ended it. Same
 * transaction as the outcomes.
 */
async function outcomeEvents(
  db: Kysely<Db>,
  recorded: RecordedCall[],
  newId: () => string,
  recordedAt: number,
): Promise<NewEventRow[]> {
  const rows: NewEventRow[] = [];
  const completed = recorded.filter((r) => r.completes).map((r) => r.call.job.id);
  const allTasks = completed.length > 0 ? await tasksOfJobsForEvents(db, completed) : new Map<string, TaskRow[]>();
  for (const r of recorded) {
    const { call, result } = r;
    const attempts = call.job.attempts + 1;
    const task: TaskSnapshot = {
      id: call.taskId,
      attempt: attempts,
      status: result.status,
      plannedTime: call.job.next_attempt_at ?? call.startedAt,
      actualTime: result.startedAt,
      answeredAt: result.answeredAt,
      endTime: result.endedAt,
      callingNumber: call.line.callingNumber,
      calledNumber: call.job.phone_number,
      hangupCause: result.hangupCause,
      sipCode: result.sipCode,
      ringDuration: result.ringDuration,
      talkDuration: result.talkDuration,
      robot: r.robot,
      recording: r.recording,
    };
    const base = { job: call.job, failureReason: r.failureReasonAfter, attempts };
    // An adapter that reported the answer as it happened had its CallAnswered written then.
    if (result.answeredAt !== null && call.answeredAt === undefined) {
      rows.push(answeredEvent(call, result.answeredAt, newId, result.ringDuration));
    }
    const status = r.statusAfter;
    rows.push(eventRow({ ...base, id: newId(), type: 'CallFinished', occurredAt: result.endedAt, status, task }));
    if (r.recording) {
      rows.push(eventRow({ ...base, id: newId(), type: 'RecordingReady', occurredAt: recordedAt, status, task }));
    }
    if (r.completes) {
      const tasks = (allTasks.get(call.job.id) ?? []).map((t) =>
        taskSnapshot(t, t.id === call.taskId ? result.answeredAt : null),
      );
      rows.push(
        eventRow({ ...base, id: newId(), type: 'JobComplete', occurredAt: result.endedAt, status, task: null, tasks }),
      );
    }
  }
  return rows;
}

export interface OutcomeRecorder {
  push(call: CallInFlight, result: DialResult): void;
  /** The call was answered (call.answeredAt): its CallAnswered event is written in the next batch. */
  answered(call: CallInFlight): void;
  /** Resolves when everything pushed so far is committed. */
  drain(): Promise<void>;
  pending(): number;
}

/**
 * Records ended calls in batches: each batch is one transaction holding every task's outcome and its
 * job's next state, so the store never shows a task ended without its job updated, or the reverse.
 * A crash before the commit leaves the tasks Executing; the lease sweeper closes them.
 */
export function createOutcomeRecorder(deps: {
  db: Kysely<Db>;
  caps: StoreCaps;
  newId: () => string;
  clock: Clock;
  owner: string;
  events: EngineEvents;
  log: Logger;
  batchSize: number;
  onBusy(delta: 1 | -1): void;
  /** After each commit: jobs moved (a retry planned, a group's last job ended), the scheduler looks again. */
  onRecorded(): void;
  /** Where calls' recordings are kept; without it a recording an adapter returns is dropped. */
  recordings?: Recordings;
}): OutcomeRecorder {
  const { db, caps, clock, owner, events, log, newId } = deps;
  /**
   * Ended calls, and answered ones (result null) whose CallAnswered is due, in the order they happened. `kept`:
   * the call's recording once saved (null: none, or saving failed), so a retried batch does not save it again.
   */
  let buffer: { call: CallInFlight; result: DialResult | null; kept?: TaskRecording | null }[] = [];

  /** Saves the recordings of a batch's calls before the batch is written: a task row never names a missing file. */
  const keepRecordings = async (batch: typeof buffer) => {
    for (const item of batch) {
      if (item.kept !== undefined || !item.result?.recording) continue;
      const { recording } = item.result;
      item.kept = null;
      if (!deps.recordings) continue;
      try {
        const saved = await deps.recordings.store.save(item.call.taskId, recording);
        const url = deps.recordings.urlOf(item.call.taskId);
        item.kept = { fileName: saved.fileName, url, durationMs: recording.durationMs, size: saved.size };
      } catch (error) {
        log.error(
          { err: error, taskId: item.call.taskId },
          'keeping a call recording failed; the call is recorded without it',
        );
      }
      delete item.result.recording; // the audio is on disk (or lost): do not hold it while the batch waits
    }
  };
  let flushing: Promise<void> | null = null;
  let retryDelay = 0;

  const flushOnce = async () => {
    const batch = buffer.slice(0, deps.batchSize);
    await keepRecordings(batch);
    const now = clock.now();
    const finished: RecordedCall[] = [];
    await db.transaction().execute(async (trx) => {
      finished.length = 0;
      const numberOutcomes: NumberOutcome[] = [];
      const answered: NewEventRow[] = [];
      for (const { call, result, kept } of batch) {
        if (result === null) {
          answered.push(answeredEvent(call, call.answeredAt ?? now, newId));
          continue;
        }
        assertTaskTransition(TaskStatus.Executing, result.status);
        const robot = call.robot ? robotOutcome(call.robot, result) : null;
        const closed = await completeTask(trx, {
          taskId: call.taskId,
          owner,
          status: result.status,
          actualTime: result.startedAt,
          endTime: result.endedAt,
          hangupCause: result.hangupCause,
          sipCode: result.sipCode,
          ringDuration: result.ringDuration,
          talkDuration: result.talkDuration,
          lineFailures: call.lineFailures,
          lineGroupId: call.line.lineGroupId,
          lineId: call.line.id,
          callingNumber: call.line.callingNumber,
          ...(robot ? { robot: taskRobotColumns(robot) } : {}),
          ...(kept ? { recording: kept } : {}),
        });
        if (!closed) {
          log.warn({ taskId: call.taskId }, 'lease lost before the outcome was recorded; the sweeper closed it');
          // The task was closed without the call's outcome: nothing will link to its recording.
          if (kept) void deps.recordings?.store.remove(call.taskId).catch(() => undefined);
          continue;
        }
        if (robot?.tags.includes(OPT_OUT_TAG)) {
          // "Do not call me", said on the call: blocked with the call's own result, never dialled again.
          await upsertListEntries(
            trx,
            caps,
            [
              {
                scope: call.job.instance_id,
                list: 'block',
                pattern: call.job.phone_number,
                reason: `opted out during call ${call.taskId}`,
                expiresAt: null,
              },
            ],
            now,
          );
        }
        numberOutcomes.push({
          instanceId: call.job.instance_id,
          number: call.job.phone_number,
          at: call.startedAt,
          jobId: call.job.id,
          answered: result.answeredAt !== null,
          empty: result.status === TaskStatus.EmptyNumber || result.status === TaskStatus.NotExist,
        });
        const plan = planAfterAttempt(call.job, call.group, {
          status: result.status,
          startedAt: call.startedAt,
          endedAt: result.endedAt,
          now,
        });
        const after = await updateJobAfterAttempt(trx, plan);
        // A job the user paused, cancelled or stopped calling during the call stays as they left it: it does not
        // complete here (a stopped job is already Failed, with another reason).
        const completes =
          after !== undefined &&
          after.status === plan.status &&
          after.failureReason === plan.failureReason &&
          isTerminalJobStatus(plan.status);
        finished.push({
          call,
          result,
          robot,
          recording: kept ?? null,
          jobStatus: plan.status,
          failureReason: plan.failureReason,
          completes,
          statusAfter: after?.status ?? plan.status,
          failureReasonAfter: after?.failureReason ?? plan.failureReason,
        });
      }
      await recordNumberOutcomes(trx, numberOutcomes);
      await insertEvents(trx, caps, [...answered, ...(await outcomeEvents(trx, finished, newId, now))]);
    });
    buffer = buffer.slice(batch.length);
    deps.onRecorded();
    for (const f of finished) {
      const { call } = f;
      events.emit('engine:call:ended', {
        taskId: call.taskId,
        jobId: call.job.id,
        jobGroupId: call.group.id,
        status: f.result.status,
        at: f.result.endedAt,
      });
      if (f.completes) {
        events.emit('engine:job:finished', {
          jobId: call.job.id,
          jobGroupId: call.group.id,
          status: f.jobStatus as never,
          failureReason: f.failureReason as never,
        });
      }
    }
  };

  const run = async () => {
    try {
      while (buffer.length > 0) {
        try {
          await flushOnce();
          retryDelay = 0;
        } catch (error) {
          // The store is unreachable: keep the outcomes and try again, backing off up to 30 s.
          retryDelay = Math.min(30_000, Math.max(500, retryDelay * 2));
          log.error({ err: error, retryInMs: retryDelay }, 'recording call outcomes failed');
          await clock.sleep(retryDelay);
        }
      }
    } finally {
      flushing = null;
      deps.onBusy(-1);
    }
  };

  const enqueue = (call: CallInFlight, result: DialResult | null) => {
    buffer.push({ call, result });
    if (flushing) return;
    deps.onBusy(1);
    // Let every call ending in this turn join the batch before writing.
    flushing = new Promise<void>((r) => setImmediate(r)).then(run);
  };

  return {
    push: enqueue,
    answered: (call) => enqueue(call, null),
    async drain() {
      while (flushing) await flushing;
    },
    pending: () => buffer.length,
  };
}
