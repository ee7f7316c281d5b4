import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { FailureReason, isTerminalJobStatus, JobStatus, TaskStatus } from '../core/enums.js';
import { emptyHistory, nextAttemptAt } from '../core/strategy/index.js';
import type { JobGroup, Line, LineGroup } from '../core/types.js';
import { eventRow, taskSnapshot } from '../events/outbox/eventRows.js';
import { jobCompleteEvents } from '../events/outbox/jobCompleteEvents.js';
import { completeJobGroup } from '../events/outbox/jobGroupEvents.js';
import type { Recordings } from '../recordings/recordingStore.js';
import type { StoreCaps } from '../store/dialects.js';
import { insertEvents } from '../store/events/insertEvents.js';
import { getJobGroup } from '../store/jobGroups/getJobGroup.js';
import { listRunnableJobGroups } from '../store/jobGroups/listRunnableJobGroups.js';
import { updateJobGroupStatus } from '../store/jobGroups/updateJobGroupStatus.js';
import { claimDueJobs } from '../store/jobs/claimDueJobs.js';
import { failJobsTimeUp } from '../store/jobs/failJobsTimeUp.js';
import { hasOpenJobs } from '../store/jobs/hasOpenJobs.js';
import { nextDueAt } from '../store/jobs/nextDueAt.js';
import { replanClaimedJob } from '../store/jobs/replanClaimedJob.js';
import { updateJobAfterAttempt } from '../store/jobs/updateJobAfterAttempt.js';
import { getLineGroups } from '../store/lineGroups/getLineGroups.js';
import { insertRefusals, type PolicyRefusal } from '../store/policy/insertRefusals.js';
import { recordDials } from '../store/policy/recordDials.js';
import { historyOf } from '../store/rows.js';
import type { Db, JobRow, NewEventRow, NewTaskRow } from '../store/schema.js';
import { closeExpiredTasks } from '../store/tasks/closeExpiredTasks.js';
import { insertTasks } from '../store/tasks/insertTasks.js';
import { renewLeases } from '../store/tasks/renewLeases.js';
import { uuidv7 } from '../store/uuidv7.js';
import type { DialResult, TelephonyPort } from '../telephony/port.js';
import { claimEvents } from './claimEvents.js';
import { createContactGuard, failureReasonOf } from './contactGuard.js';
import { effectiveStrategy, effectiveZone } from './effectiveStrategy.js';
import { createEngineEvents, type EngineEvents } from './events.js';
import { createLinePool } from './linePool.js';
import { type CallInFlight, createOutcomeRecorder } from './outcomeRecorder.js';
import { createPassLoop } from './passLoop.js';
import { planAfterAttempt } from './planAfterAttempt.js';
import { createRobotScripts } from './robotScripts.js';
import { createDialVerifier, type VerificationHook } from './verifyDial.js';

export interface EngineOptions {
  /** Longest sleep between scheduling passes: how soon work from elsewhere (another process) is seen. */
  pollMs: number;
  /** How long a call's lease lasts without renewal before a sweeper may close it. */
  leaseMs: number;
  /** Most jobs one group may claim in one pass. */
  claimBatch: number;
  /** Most outcomes recorded in one transaction. */
  recordBatch: number;
  /** How often leases are renewed and expired ones swept. */
  sweepMs: number;
  /** A line that failed takes no new call for this long; its siblings carry the traffic. */
  lineRestMs: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  pollMs: 1_000,
  leaseMs: 60_000,
  claimBatch: 1_000,
  recordBatch: 1_000,
  sweepMs: 30_000,
  lineRestMs: 60_000,
};

export interface EngineDeps {
  db: Kysely<Db>;
  caps: StoreCaps;
  clock: Clock;
  telephony: TelephonyPort;
  log: Logger;
  /** This process's name on leases; a new one per start. */
  owner?: string;
  newId?: () => string;
  options?: Partial<EngineOptions>;
  /** Where answered calls' recordings are kept; without it calls are not recorded. */
  recordings?: Recordings;
}

export interface Engine {
  readonly owner: string;
  readonly events: EngineEvents;
  start(): void;
  /**
   * Stops claiming, lets calls in flight run up to `drainMs` (then hangs them up as Terminated),
   * records every outcome, and resolves. Nothing is lost.
   */
  stop(opts?: { drainMs?: number }): Promise<void>;
  /** Runs a scheduling pass soon (after jobs were assigned or a group was resumed). */
  wake(): void;
  /** Resolves when the engine has nothing to do until time moves: how a simulation knows when to advance. */
  whenIdle(): Promise<void>;
  inFlight(): number;
}

/**
 * The scheduler and dialer: a loop that claims due jobs group by group (Urgent before Daily),
 * within each group's concurrency and its lines' capacity and calls per second, places the calls,
 * fails a call over to the next line group when its line fails, and hands each outcome to the
 * recorder. It sleeps on the Clock until the next thing can happen.
 */
export function createEngine(deps: EngineDeps): Engine {
  const { db, caps, clock, telephony } = deps;
  const opts = { ...DEFAULT_ENGINE_OPTIONS, ...deps.options };
  const owner = deps.owner ?? `engine-${randomUUID()}`;
  const newId = deps.newId ?? (() => uuidv7());
  const log = deps.log.child({ area: 'engine', owner });
  const events = createEngineEvents();
  const linePool = createLinePool();
  const lineGroups = new Map<string, LineGroup>();
  let lineGroupsLoadedAt = Number.NEGATIVE_INFINITY;
  const groupCache = new Map<string, JobGroup>();
  const calls = new Map<string, CallInFlight>();
  const callsByGroup = new Map<string, number>();
  const hangUp = new AbortController();
  // Every call in flight listens on this one signal.
  setMaxListeners(0, hangUp.signal);

  const passes = createPassLoop({
    clock,
    pass: () => pass(),
    onError: (error) => {
      log.error({ err: error }, 'scheduling pass failed');
      events.emit('engine:tick:error', { error });
    },
    retryMs: opts.pollMs,
  });
  const onBusy = passes.busy;
  const wake = passes.wake;
  const robots = createRobotScripts(db, log);
  const guard = createContactGuard(caps);
  const verifier = createDialVerifier();
  const recorder = createOutcomeRecorder({
    db,
    caps,
    newId,
    clock,
    owner,
    events,
    log,
    batchSize: opts.recordBatch,
    onBusy,
    onRecorded: () => wake(),
    ...(deps.recordings ? { recordings: deps.recordings } : {}),
  });

  let nextSweepAt = Number.NEGATIVE_INFINITY;

  const countGroupCall = (groupId: string, delta: number) =>
    callsByGroup.set(groupId, (callsByGroup.get(groupId) ?? 0) + delta);

  async function refreshLineGroups(groups: JobGroup[], now: number) {
    const wanted = new Set(groups.flatMap((g) => g.lineGroupIds));
    const missing = [...wanted].filter((id) => !lineGroups.has(id));
    const stale = now - lineGroupsLoadedAt > 60_000;
    const ids = stale ? [...wanted] : missing;
    if (ids.length === 0) return;
    const loaded = await getLineGroups(db, ids);
    for (const lg of loaded) lineGroups.set(lg.id, lg);
    linePool.sync(loaded);
    if (stale) lineGroupsLoadedAt = now;
  }

  function acquireLine(group: JobGroup, now: number, fromIndex = 0): { line: Line; index: number } | null {
    for (let i = fromIndex; i < group.lineGroupIds.length; i++) {
      const line = linePool.acquire(group.lineGroupIds[i] as string, now);
      if (line) return { line, index: i };
    }
    return null;
  }

  function freeLineRoom(group: JobGroup, now: number): number {
    let room = 0;
    for (const id of group.lineGroupIds) room += linePool.available(id, now);
    return room;
  }

  /** Claims and starts what one group may dial now; returns when this group next needs a pass. */
  async function dispatchGroup(group: JobGroup, now: number): Promise<number> {
    groupCache.set(group.id, group);
    const calendar = nextAttemptAt(group.strategy, group.timeZone, emptyHistory(), now);
    if (calendar.kind === 'never' && calendar.reason === 'TimeUp') {
      const failed = await failJobsTimeUp(db, group.id, now);
      if (failed > 0) log.info({ jobGroupId: group.id, failed }, 'group ended: unfinished jobs failed TimeUp');
    }
    const open = calendar.kind === 'at' && calendar.at <= now;
    const inGroup = callsByGroup.get(group.id) ?? 0;
    const groupRoom = group.concurrency > 0 ? group.concurrency - inGroup : Number.POSITIVE_INFINITY;
    const limit = Math.min(groupRoom, freeLineRoom(group, now), opts.claimBatch);
    if (limit <= 0) {
      // Bound by capacity: an ending call wakes the loop; a calls-per-second limit refills on time.
      let at = now + opts.pollMs;
      for (const id of group.lineGroupIds) at = Math.min(at, linePool.throttledUntil(id, now));
      return at;
    }

    const robot = await robots.of(group);
    const started: CallInFlight[] = [];
    const finished: JobRow[] = [];
    const guarded: PolicyRefusal[] = [];
    let claimedCount = 0;
    try {
      await db.transaction().execute(async (trx) => {
        started.length = 0;
        finished.length = 0;
        guarded.length = 0;
        const jobs = await claimDueJobs(trx, caps, { jobGroupId: group.id, now, limit, onlyOwnCalendar: !open });
        claimedCount = jobs.length;
        const tasks: NewTaskRow[] = [];
        const dialable: JobRow[] = [];
        for (const job of jobs) {
          if (!open || job.time_zone !== null || job.strategy !== null) {
            const next = nextAttemptAt(effectiveStrategy(job, group), effectiveZone(job, group), historyOf(job), now);
            if (next.kind === 'never') {
              const reason = next.reason === 'TimeUp' ? FailureReason.TimeUp : FailureReason.NoAnswer;
              await replanClaimedJob(trx, { jobId: job.id, now, failureReason: reason });
              finished.push({ ...job, status: JobStatus.Failed, failure_reason: reason });
              continue;
            }
            if (next.at > now) {
              await replanClaimedJob(trx, { jobId: job.id, now, nextAttemptAt: next.at });
              continue;
            }
          }
          dialable.push(job);
        }
        const policy = await guard.policyOf(trx, group.instanceId, now);
        const verdicts = await guard.check(trx, group, policy, dialable, now);
        for (const job of dialable) {
          const verdict = verdicts.get(job.id) ?? { kind: 'allow' };
          if (verdict.kind !== 'allow') {
            guarded.push({
              id: newId(),
              instanceId: group.instanceId,
              jobGroupId: group.id,
              jobId: job.id,
              at: now,
              verdict: verdict.kind,
              reason: verdict.reason,
              rule: verdict.rule,
            });
            // A deferred job waits for the policy and then for its own strategy; a refused one ends.
            const next =
              verdict.kind === 'defer'
                ? nextAttemptAt(effectiveStrategy(job, group), effectiveZone(job, group), historyOf(job), verdict.until)
                : null;
            if (next?.kind === 'at') {
              await replanClaimedJob(trx, { jobId: job.id, now, nextAttemptAt: next.at });
            } else {
              const reason = failureReasonOf(verdict);
              await replanClaimedJob(trx, { jobId: job.id, now, failureReason: reason });
              finished.push({ ...job, status: JobStatus.Failed, failure_reason: reason });
            }
            continue;
          }
          const got = acquireLine(group, now);
          if (!got) {
            await replanClaimedJob(trx, { jobId: job.id, now, nextAttemptAt: job.next_attempt_at ?? now });
            continue;
          }
          const taskId = newId();
          started.push({
            taskId,
            job,
            group,
            line: got.line,
            lineGroupIndex: got.index,
            lineFailures: 0,
            startedAt: now,
            robot,
            ringSeconds: Math.max(group.ringingDuration, policy.minRingSeconds),
            verification: policy.verification ?? null,
          });
          tasks.push({
            id: taskId,
            job_id: job.id,
            job_group_id: group.id,
            instance_id: job.instance_id,
            attempt: job.attempts + 1,
            status: TaskStatus.Executing,
            planned_time: job.next_attempt_at ?? now,
            actual_time: now,
            end_time: null,
            calling_number: got.line.callingNumber,
            called_number: job.phone_number,
            line_group_id: got.line.lineGroupId,
            line_id: got.line.id,
            hangup_cause: null,
            sip_code: null,
            ring_duration: 0,
            talk_duration: 0,
            line_failures: 0,
            owner,
            lease_until: now + opts.leaseMs,
          });
        }
        await insertTasks(trx, caps, tasks);
        await recordDials(
          trx,
          tasks.map((t) => ({ instanceId: t.instance_id, number: t.called_number, at: now, jobId: t.job_id })),
        );
        await insertRefusals(trx, guarded);
        await insertEvents(trx, caps, await claimEvents(trx, started, tasks, finished, now, newId));
        if (tasks.length > 0 && group.status === 'Scheduling') {
          await updateJobGroupStatus(trx, {
            id: group.id,
            from: ['Scheduling'],
            to: 'Executing',
            now,
            startedAt: now,
          });
        }
      });
    } catch (error) {
      for (const c of started) linePool.release(c.line);
      throw error;
    }
    for (const g of guarded) {
      events.emit('engine:dial:guarded', {
        jobId: g.jobId,
        jobGroupId: g.jobGroupId,
        verdict: g.verdict,
        reason: g.reason,
        rule: g.rule,
      });
    }
    for (const job of finished) {
      events.emit('engine:job:finished', {
        jobId: job.id,
        jobGroupId: group.id,
        status: JobStatus.Failed,
        failureReason: job.failure_reason as never,
      });
    }
    for (const call of started) startCall(call);

    if (claimedCount >= limit) return now; // more may be due: go again at once
    if (!open) {
      // Closed (outside the windows, or past the end for good): a group whose last job ended meanwhile (a call
      // ringing past the window or the end, a crashed engine's call swept, jobs failed TimeUp) completes now,
      // not at the next opening, which after the end never comes.
      if ((callsByGroup.get(group.id) ?? 0) === 0) await completeIfDone(group, now);
      return calendar.kind === 'at' ? calendar.at : now + opts.pollMs;
    }
    const due = await nextDueAt(db, group.id);
    if (due === null && (callsByGroup.get(group.id) ?? 0) === 0) await completeIfDone(group, now);
    return due === null ? now + opts.pollMs : Math.max(due, now + 1);
  }

  async function completeIfDone(group: JobGroup, now: number) {
    if (await hasOpenJobs(db, group.id)) return;
    const done = await db.transaction().execute(async (trx) => {
      const event = await completeJobGroup(trx, { id: group.id, now, newId });
      if (event) await insertEvents(trx, caps, [event]);
      return event !== undefined;
    });
    if (done) {
      log.info({ jobGroupId: group.id }, 'job group completed');
      events.emit('engine:group:completed', { jobGroupId: group.id, at: now });
    }
  }

  function startCall(call: CallInFlight) {
    calls.set(call.taskId, call);
    countGroupCall(call.group.id, 1);
    events.emit('engine:call:started', {
      taskId: call.taskId,
      jobId: call.job.id,
      jobGroupId: call.group.id,
      lineId: call.line.id,
      at: call.startedAt,
    });
    placeDial(call);
  }

  /** Asks the pre-dial hook first; a veto ends the attempt as VerificationCancelled before any line rings. */
  async function verifyThenDial(call: CallInFlight, hook: VerificationHook) {
    onBusy(1); // a simulation's clock waits for the hook's answer
    const verdict = await verifier
      .verify(hook, {
        instanceId: call.job.instance_id,
        jobGroupId: call.group.id,
        jobId: call.job.id,
        referenceId: call.job.reference_id,
        calledNumber: call.job.phone_number,
        attempt: call.job.attempts + 1,
      })
      .finally(() => onBusy(-1));
    if (verdict.allow) {
      call.verification = null;
      placeDial(call);
      return;
    }
    log.info({ jobId: call.job.id, detail: verdict.detail }, 'pre-dial hook vetoed a dial');
    onDialEnded(call, notPlaced(call, TaskStatus.VerificationCancelled, 'VERIFICATION_CANCELLED'));
  }

  /** The outcome of a call that never reached the callee: vetoed before dialling, or failed by the adapter. */
  function notPlaced(call: CallInFlight, status: TaskStatus, hangupCause: string): DialResult {
    return {
      status,
      hangupCause,
      sipCode: null,
      startedAt: call.startedAt,
      answeredAt: null,
      endedAt: clock.now(),
      ringDuration: 0,
      talkDuration: 0,
      lineFailure: false,
    };
  }

  function placeDial(call: CallInFlight) {
    if (call.verification) {
      void verifyThenDial(call, call.verification);
      return;
    }
    const extras: Record<string, string> = {};
    for (const e of JSON.parse(call.job.extras) as { key: string; value: string }[]) extras[e.key] = e.value;
    telephony
      .dial(
        {
          taskId: call.taskId,
          lineGroupId: call.line.lineGroupId,
          lineId: call.line.id,
          callingNumber: call.line.callingNumber,
          calledNumber: call.job.phone_number,
          ringTimeoutMs: call.ringSeconds * 1000,
          variables: extras,
          ...(call.robot ? { robot: call.robot } : {}),
          ...(deps.recordings ? { record: true } : {}),
        },
        {
          onRinging: (at) => {
            call.ringingAt = at;
          },
          onAnswered: (at) => {
            call.answeredAt = at;
            recorder.answered(call);
          },
        },
        hangUp.signal,
      )
      .then(
        (result) => onDialEnded(call, result),
        (error: unknown) => {
          log.error({ err: error, taskId: call.taskId }, 'telephony adapter failed a dial');
          onDialEnded(call, notPlaced(call, TaskStatus.Failed, 'ADAPTER_ERROR'));
        },
      );
  }

  function onDialEnded(call: CallInFlight, result: DialResult) {
    linePool.release(call.line);
    if (result.lineFailure && !hangUp.signal.aborted) {
      const now = clock.now();
      linePool.rest(call.line, now + opts.lineRestMs);
      // The line, not the callee, failed: the same attempt goes out on the next line group.
      const next = acquireLine(call.group, now, call.lineGroupIndex + 1);
      if (next) {
        call.line = next.line;
        call.lineGroupIndex = next.index;
        call.lineFailures++;
        placeDial(call);
        return;
      }
    }
    calls.delete(call.taskId);
    countGroupCall(call.group.id, -1);
    recorder.push(call, result);
    wake();
  }

  /** Closes calls of engines that stopped renewing their leases, and reschedules their jobs. */
  async function sweep(now: number) {
    if (calls.size > 0) await renewLeases(db, owner, now + opts.leaseMs);
    for (;;) {
      const closed = await db.transaction().execute(async (trx) => {
        const expired = await closeExpiredTasks(trx, now, 500);
        const lost: NewEventRow[] = [];
        const completed: JobRow[] = [];
        for (const { task, job } of expired) {
          const group = groupCache.get(job.job_group_id) ?? (await getJobGroup(trx, job.job_group_id));
          if (!group) continue;
          const plan = planAfterAttempt(job, group, {
            status: TaskStatus.Terminated,
            startedAt: task.actual_time ?? task.planned_time,
            endedAt: now,
            now,
          });
          const after = await updateJobAfterAttempt(trx, plan);
          const status = after?.status ?? plan.status;
          const failureReason = after?.failureReason ?? plan.failureReason;
          const facts = { job, status, failureReason, attempts: job.attempts + 1 };
          lost.push(
            eventRow({ ...facts, id: newId(), type: 'CallFinished', occurredAt: now, task: taskSnapshot(task, null) }),
          );
          if (after?.status === plan.status && isTerminalJobStatus(plan.status)) {
            completed.push({ ...job, status, failure_reason: failureReason, attempts: facts.attempts });
          }
        }
        lost.push(...(await jobCompleteEvents(trx, completed, now, newId)));
        await insertEvents(trx, caps, lost);
        return expired.length;
      });
      if (closed > 0) log.warn({ closed }, 'closed calls whose engine stopped renewing its lease');
      if (closed < 500) break;
    }
  }

  async function pass(): Promise<number> {
    const now = clock.now();
    let wakeAt = now + opts.pollMs;
    if (now >= nextSweepAt) {
      await sweep(now);
      nextSweepAt = now + opts.sweepMs;
    }
    wakeAt = Math.min(wakeAt, nextSweepAt);
    const groups = await listRunnableJobGroups(db);
    await refreshLineGroups(groups, now);
    for (const group of groups) {
      if (passes.stopping) break;
      wakeAt = Math.min(wakeAt, await dispatchGroup(group, now));
    }
    return wakeAt;
  }

  return {
    owner,
    events,
    start: passes.start,
    async stop({ drainMs = 30_000 } = {}) {
      await passes.stop();
      if (calls.size > 0) {
        const allEnded = new Promise<void>((resolve) => {
          const check = () => (calls.size === 0 ? resolve() : setImmediate(check));
          check();
        });
        const deadline = new AbortController();
        await Promise.race([allEnded, clock.sleep(drainMs, deadline.signal).catch(() => undefined)]);
        deadline.abort();
        hangUp.abort(new Error('engine stopping'));
        await allEnded;
      }
      await recorder.drain();
      await verifier.close();
    },
    wake,
    whenIdle: passes.whenIdle,
    inFlight: () => calls.size,
  };
}
