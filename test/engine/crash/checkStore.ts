import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { MINUTE } from '../../../src/core/clock.js';
import {
  FailureReason,
  failureReasonName,
  JobStatus,
  jobStatusName,
  TaskStatus,
  taskStatusName,
} from '../../../src/core/enums.js';
import { nextAttemptAt, parseStrategy, recordAttempt, totalAttemptCap } from '../../../src/core/strategy/index.js';
import type { AttemptHistory } from '../../../src/core/strategy/types.js';
import type { Db, JobRow, TaskRow } from '../../../src/store/schema.js';
import { LOST_LEASE_CAUSE } from '../../../src/store/tasks/closeExpiredTasks.js';
import {
  END,
  JOB_COUNT,
  LEASE_MS,
  MAX_ATTEMPTS_PER_DAY,
  MIN_ATTEMPT_INTERVAL_MIN,
  START,
  STRATEGY,
  WEEKDAYS,
  WINDOWS,
  ZONE,
} from './crashCampaign.js';

export interface StoreFindings {
  /** Each broken rule, naming the job (reference id) and the attempt. */
  violations: string[];
  jobs: JobRow[];
  tasks: TaskRow[];
  /** Attempts the sweeper closed (Terminated, ENGINE_LOST). */
  lost: TaskRow[];
  /** Lost attempts whose job was dialled again afterwards. */
  lostThenRetried: number;
  /** Lost attempts that were their job's last, the job failing by the strategy. */
  lostThenFailed: number;
}

const TERMINAL: readonly number[] = [JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled];
const at = (t: number | null) => (t === null ? 'null' : DateTime.fromMillis(t, { zone: ZONE }).toISO());

/**
 * Reads the whole campaign back and checks every rule a crash must not break. `leasesAtKill`: the lease each
 * task left Executing by a kill held then (task id → lease_until); the sweeper may close it only after that.
 */
export async function checkStore(db: Kysely<Db>, leasesAtKill: ReadonlyMap<string, number>): Promise<StoreFindings> {
  const v: string[] = [];
  const strategy = parseStrategy(STRATEGY);
  const groups = await db.selectFrom('job_group').selectAll().execute();
  if (groups.length !== 1) v.push(`expected one job group, found ${groups.length}`);
  for (const g of groups) if (g.status !== 'Completed') v.push(`job group ${g.id} is ${g.status}, not Completed`);

  const jobs = await db.selectFrom('job').selectAll().orderBy('reference_id').execute();
  const tasks = await db.selectFrom('task').selectAll().orderBy('job_id').orderBy('attempt').execute();
  if (jobs.length !== JOB_COUNT) v.push(`expected ${JOB_COUNT} jobs, found ${jobs.length}`);
  const byJob = new Map<string, TaskRow[]>();
  for (const t of tasks) byJob.set(t.job_id, [...(byJob.get(t.job_id) ?? []), t]);
  const jobIds = new Set(jobs.map((j) => j.id));
  for (const t of tasks) if (!jobIds.has(t.job_id)) v.push(`task ${t.id} belongs to no known job (${t.job_id})`);

  let lostThenRetried = 0;
  let lostThenFailed = 0;
  const lost: TaskRow[] = [];
  for (const job of jobs) {
    const who = `job ${job.reference_id} (${job.id})`;
    const list = byJob.get(job.id) ?? [];
    if (!TERMINAL.includes(job.status)) v.push(`${who} is ${jobStatusName(job.status as JobStatus)}, not terminal`);
    if (job.attempts !== list.length) v.push(`${who} counts ${job.attempts} attempts but has ${list.length} tasks`);
    if (list.length > totalAttemptCap(strategy)) v.push(`${who} has ${list.length} attempts, over the strategy's cap`);

    const perDay = new Map<string, number>();
    let history: AttemptHistory = { attempts: 0, dayKey: null, dayAttempts: 0, lastEndedAt: null };
    list.forEach((t, i) => {
      const what = `${who} attempt ${t.attempt} (task ${t.id}, ${taskStatusName(t.status as TaskStatus)})`;
      if (t.attempt !== i + 1) v.push(`${who}: attempts are ${list.map((x) => x.attempt).join(',')}, not 1..n`);
      if (t.status === TaskStatus.Executing) v.push(`${what} is still Executing`);
      if (t.owner !== null || t.lease_until !== null) v.push(`${what} still holds a lease (${t.owner})`);
      if (t.actual_time === null || t.end_time === null) {
        v.push(`${what} has no start or end (${t.actual_time}, ${t.end_time})`);
        return;
      }
      if (t.end_time < t.actual_time)
        v.push(`${what} ends (${at(t.end_time)}) before it starts (${at(t.actual_time)})`);
      if (t.planned_time > t.actual_time) v.push(`${what} started before it was planned (${at(t.planned_time)})`);
      const local = DateTime.fromMillis(t.actual_time, { zone: ZONE });
      const minute = local.hour * 60 + local.minute;
      if (!WEEKDAYS.includes(local.weekday % 7))
        v.push(`${what} started on a ${local.weekdayLong}: ${at(t.actual_time)}`);
      if (!WINDOWS.some(([b, e]) => minute >= b && minute < e)) {
        v.push(`${what} started outside the working windows: ${at(t.actual_time)}`);
      }
      if (t.actual_time < START || t.actual_time >= END)
        v.push(`${what} started outside start/end: ${at(t.actual_time)}`);
      const day = local.toISODate() as string;
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      const prev = list[i - 1];
      if (prev?.end_time != null && t.actual_time < prev.end_time + MIN_ATTEMPT_INTERVAL_MIN * MINUTE) {
        v.push(
          `${what} started ${at(t.actual_time)}, less than ${MIN_ATTEMPT_INTERVAL_MIN} min after attempt ${prev.attempt} ended ${at(prev.end_time)}`,
        );
      }
      if (t.status === TaskStatus.Succeeded && i !== list.length - 1) v.push(`${what} answered, yet dialled again`);
      if (t.status === TaskStatus.Terminated) {
        if (t.hangup_cause !== LOST_LEASE_CAUSE) v.push(`${what} Terminated by ${t.hangup_cause}, not by the sweeper`);
        else {
          lost.push(t);
          // The sweeper may close it only once its lease ran out: at least a lease after the call started,
          // and after the lease the dead engine last gave it.
          const lease = leasesAtKill.get(t.id);
          if (lease === undefined) v.push(`${what} was swept, but no kill left it Executing`);
          if (t.end_time < t.actual_time + LEASE_MS || (lease !== undefined && t.end_time <= lease)) {
            v.push(`${what} was swept at ${at(t.end_time)}, before its lease (until ${at(lease ?? null)}) expired`);
          }
          if (i < list.length - 1) lostThenRetried++;
          else if (job.status === JobStatus.Failed) lostThenFailed++;
          else v.push(`${what} was lost in a crash and its job was neither dialled again nor failed`);
        }
      }
      history = recordAttempt(history, ZONE, t.actual_time, t.end_time);
    });
    for (const [day, n] of perDay) {
      if (n > MAX_ATTEMPTS_PER_DAY) v.push(`${who} had ${n} attempts on ${day}, over ${MAX_ATTEMPTS_PER_DAY} a day`);
    }
    const last = list.at(-1);
    if (
      last &&
      (job.last_ended_at !== last.end_time ||
        job.day_key !== history.dayKey ||
        job.day_attempts !== history.dayAttempts)
    ) {
      v.push(
        `${who}: history (${job.day_key} ×${job.day_attempts}, last end ${at(job.last_ended_at)}) disagrees with its tasks (${history.dayKey} ×${history.dayAttempts}, last end ${at(last.end_time)})`,
      );
    }

    const answered = list.some((t) => t.status === TaskStatus.Succeeded);
    if ((job.status === JobStatus.Succeeded) !== answered) {
      v.push(`${who} is ${jobStatusName(job.status as JobStatus)} but ${answered ? 'was' : 'was never'} answered`);
    }
    if (job.status === JobStatus.Failed) {
      const reason = job.failure_reason;
      const lastStatus = last?.status;
      if (reason === FailureReason.EmptyNumber) {
        if (lastStatus !== TaskStatus.EmptyNumber && lastStatus !== TaskStatus.NotExist) {
          v.push(
            `${who} failed EmptyNumber after a ${last ? taskStatusName(last.status as TaskStatus) : 'no'} attempt`,
          );
        }
      } else if (reason === FailureReason.TimeUp) {
        // TimeUp is right only if, from when the job was failed, the strategy allows no further attempt.
        const next = nextAttemptAt(strategy, ZONE, history, job.finished_at ?? Number.NaN);
        if (job.finished_at === null || next.kind !== 'never' || next.reason !== 'TimeUp') {
          v.push(
            `${who} failed TimeUp at ${at(job.finished_at)} though the strategy still allowed an attempt ${next.kind === 'at' ? `at ${at(next.at)}` : ''}`,
          );
        }
      } else {
        v.push(
          `${who} failed ${reason === null ? 'without a reason' : failureReasonName(reason as FailureReason)}, which this strategy cannot give`,
        );
      }
    }
  }
  // The outbox: every change wrote its events in its own transaction, so no kill loses or doubles one.
  const events = await db.selectFrom('event').select(['type', 'job_id', 'task_id']).execute();
  const count = (type: string, key: (e: (typeof events)[number]) => string | null) => {
    const m = new Map<string, number>();
    for (const e of events) if (e.type === type) m.set(key(e) ?? '', (m.get(key(e) ?? '') ?? 0) + 1);
    return m;
  };
  const dialing = count('Dialing', (e) => e.task_id);
  const finishedCalls = count('CallFinished', (e) => e.task_id);
  const completes = count('JobComplete', (e) => e.job_id);
  for (const t of tasks) {
    if (dialing.get(t.id) !== 1) v.push(`task ${t.id}: ${dialing.get(t.id) ?? 0} Dialing events, expected 1`);
    const ended = t.status !== TaskStatus.Executing ? 1 : 0;
    if ((finishedCalls.get(t.id) ?? 0) !== ended) {
      v.push(`task ${t.id}: ${finishedCalls.get(t.id) ?? 0} CallFinished events, expected ${ended}`);
    }
  }
  for (const j of jobs) {
    const expected = TERMINAL.includes(j.status) ? 1 : 0;
    if ((completes.get(j.id) ?? 0) !== expected) {
      v.push(`job ${j.reference_id}: ${completes.get(j.id) ?? 0} JobComplete events, expected ${expected}`);
    }
  }
  return { violations: v, jobs, tasks, lost, lostThenRetried, lostThenFailed };
}
