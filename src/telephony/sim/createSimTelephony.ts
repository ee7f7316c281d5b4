import type { Clock } from '../../core/clock.js';
import { TaskStatus, taskStatusName } from '../../core/enums.js';
import { invalidField } from '../../core/errors.js';
import { createSeededRandom, deriveSeed } from '../../core/random.js';
import type { CallConversation, DialHooks, DialRequest, DialResult, TelephonyPort } from '../port.js';
import { compileOutcomeRules, type OutcomeRule } from './compileOutcomeRules.js';
import { createLineFailures, type LineFailureRule } from './createLineFailures.js';
import { drawCallPlan, type SimCallPlan } from './drawCallPlan.js';
import { renderSimRecording } from './renderSimRecording.js';
import { SIM_PROFILES, type SimProfile, type SimProfileName } from './simProfiles.js';
import { SIM_STATUS_SIGNALS } from './simStatusSignals.js';
import { simulateRobotCall } from './simulateRobotCall.js';

export interface SimTelephonyOptions {
  /** Every wait is a `clock.sleep`: on a virtual clock a call takes no wall time. */
  clock: Clock;
  seed: number;
  /** Default 'default'. */
  profile?: SimProfile | SimProfileName;
  /** Scripted outcomes per number; the first matching rule wins, other numbers follow the profile. */
  rules?: readonly OutcomeRule[];
  lineFailures?: readonly LineFailureRule[];
}

export interface SimStats {
  /** dial() calls, including line failures and calls aborted before they left. */
  dialed: number;
  inFlight: number;
  peakInFlight: number;
  ended: number;
  answered: number;
  lineFailures: number;
  /** Summed talk time of ended calls, ms. */
  talkMs: number;
  /** Ended calls per TaskStatus name. */
  byStatus: Partial<Record<keyof typeof TaskStatus, number>>;
}

export interface SimTelephony extends TelephonyPort {
  /** Calls placed and not yet ended. */
  inFlight(): number;
  stats(): SimStats;
  /** Takes a line group or a line (by id) down, or brings it back: its dials fail at once as line failures. */
  setLineDown(lineGroupIdOrLineId: string, down: boolean): void;
  /** The resolved profile. */
  readonly profile: SimProfile;
}

/**
 * A telephony adapter that dials nobody. Each call's outcome is drawn from a stream seeded by
 * (seed, calledNumber, how many times this instance has dialed that number before), so it does not depend
 * on the order or concurrency of the calls. Dials that meet a line failure never reach the callee and do
 * not count towards that number. Ring timeouts are measured from the dial; `ringDuration` is the time the
 * phone rang (from onRinging to the answer or the end). An answered call asked to be recorded comes back with
 * a synthetic recording of its length (renderSimRecording).
 */
export function createSimTelephony(options: SimTelephonyOptions): SimTelephony {
  const { clock, seed } = options;
  if (!Number.isFinite(seed)) throw invalidField('seed', 'must be a finite number');
  const profile = resolveProfile(options.profile ?? 'default');
  const rules = compileOutcomeRules(options.rules ?? []);
  const lines = createLineFailures(options.lineFailures ?? []);
  const dialsByNumber = new Map<string, number>();
  const stats: SimStats = {
    dialed: 0,
    inFlight: 0,
    peakInFlight: 0,
    ended: 0,
    answered: 0,
    lineFailures: 0,
    talkMs: 0,
    byStatus: {},
  };

  const planFor = (request: DialRequest, startedAt: number): RobotCallPlan => {
    const lineFailure = lines.failureFor(request, startedAt);
    if (lineFailure) {
      const { sipCode, hangupCause } = SIM_STATUS_SIGNALS.CallerNotRegistered; // 503 SERVICE_UNAVAILABLE
      return {
        status: lineFailure,
        sipCode,
        hangupCause,
        lineFailure: true,
        setupMs: 0,
        rings: false,
        earlyMs: 0,
        talkMs: 0,
      };
    }
    const n = dialsByNumber.get(request.calledNumber) ?? 0;
    dialsByNumber.set(request.calledNumber, n + 1);
    const plan = drawCallPlan({
      profile,
      random: createSeededRandom(deriveSeed(seed, `${request.calledNumber}#${n}`)),
      ringTimeoutMs: request.ringTimeoutMs,
      outcome: rules.match(request.calledNumber, n),
    });
    if (plan.status !== 'Succeeded' || !request.robot) return plan;
    // A robot on the line: the conversation, not the profile, decides how long the answered call talks.
    const robotCall = simulateRobotCall(
      request.robot,
      request.variables,
      profile,
      startedAt + plan.setupMs + plan.earlyMs,
      createSeededRandom(deriveSeed(seed, `${request.calledNumber}#${n}#robot`)),
    );
    if ('error' in robotCall) return { ...plan, talkMs: 0, robotError: robotCall.error };
    return { ...plan, talkMs: robotCall.talkMs, conversation: robotCall.conversation };
  };

  const record = (result: DialResult) => {
    stats.ended++;
    if (result.answeredAt !== null) stats.answered++;
    if (result.lineFailure) stats.lineFailures++;
    stats.talkMs += result.talkDuration;
    const name = taskStatusName(result.status);
    stats.byStatus[name] = (stats.byStatus[name] ?? 0) + 1;
  };

  const dial = async (request: DialRequest, hooks?: DialHooks, signal?: AbortSignal): Promise<DialResult> => {
    if (!Number.isFinite(request.ringTimeoutMs) || request.ringTimeoutMs < 0) {
      throw invalidField('ringTimeoutMs', 'must be a finite number of ms ≥ 0');
    }
    const startedAt = clock.now();
    stats.dialed++;
    stats.inFlight++;
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
    try {
      const result = signal?.aborted
        ? await abortedBeforeDial(clock, startedAt)
        : await runCall(clock, planFor(request, startedAt), startedAt, hooks, signal);
      if (request.record && result.answeredAt !== null) {
        const transcript = result.conversation?.state.transcript ?? [];
        result.recording = renderSimRecording(result.answeredAt, result.endedAt, transcript);
      }
      record(result);
      return result;
    } finally {
      stats.inFlight--;
    }
  };

  return {
    dial,
    inFlight: () => stats.inFlight,
    stats: () => ({ ...stats, byStatus: { ...stats.byStatus } }),
    setLineDown: (id, down) => lines.setDown(id, down),
    profile,
  };
}

/** A call's plan with what the robot made of it, when one talked. */
type RobotCallPlan = SimCallPlan & { conversation?: CallConversation; robotError?: string };

function resolveProfile(p: SimProfile | SimProfileName): SimProfile {
  const profile = typeof p === 'string' ? SIM_PROFILES[p as SimProfileName] : p;
  if (typeof p === 'string' && !Object.hasOwn(SIM_PROFILES, p)) {
    throw invalidField('profile', `unknown profile '${p}' (known: ${Object.keys(SIM_PROFILES).join(', ')})`);
  }
  if (!(profile.answerRate >= 0 && profile.answerRate <= 1)) {
    throw invalidField('profile.answerRate', 'must be within [0, 1]');
  }
  for (const [i, f] of profile.failures.entries()) {
    if (!(Number.isFinite(f.weight) && f.weight >= 0))
      throw invalidField(`profile.failures[${i}].weight`, 'must be ≥ 0');
  }
  if (profile.answerRate < 1 && !profile.failures.some((f) => f.weight > 0)) {
    throw invalidField('profile.failures', 'needs a positive weight when answerRate < 1');
  }
  return profile;
}

async function abortedBeforeDial(clock: Clock, startedAt: number): Promise<DialResult> {
  await clock.sleep(0);
  return {
    status: TaskStatus.Terminated,
    hangupCause: 'ORIGINATOR_CANCEL',
    sipCode: 487,
    startedAt,
    answeredAt: null,
    endedAt: startedAt,
    ringDuration: 0,
    talkDuration: 0,
    lineFailure: false,
  };
}

/** Plays a plan out on the clock, sleeping until each planned instant, and hangs up when the signal aborts. */
async function runCall(
  clock: Clock,
  plan: RobotCallPlan,
  startedAt: number,
  hooks: DialHooks | undefined,
  signal: AbortSignal | undefined,
): Promise<DialResult> {
  const ringingAt = startedAt + plan.setupMs;
  const earlyEndsAt = ringingAt + plan.earlyMs;
  const answered = plan.status === 'Succeeded';
  const endedAt = earlyEndsAt + plan.talkMs;
  let abortedAt: number | undefined;
  const onAbort = () => {
    abortedAt ??= clock.now();
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  /** False when the signal aborted the wait. */
  const sleepUntil = async (t: number): Promise<boolean> => {
    try {
      await clock.sleep(Math.max(0, t - clock.now()), signal);
      return true;
    } catch (err) {
      if (signal?.aborted) return false;
      throw err;
    }
  };
  const hungUp = (answeredAt: number | null): DialResult => {
    const at = Math.min(Math.max(abortedAt ?? clock.now(), startedAt), endedAt);
    const ringEnd = answeredAt ?? at;
    return {
      status: TaskStatus.Terminated,
      hangupCause: 'ORIGINATOR_CANCEL',
      sipCode: answeredAt === null ? 487 : 200,
      startedAt,
      answeredAt,
      endedAt: at,
      ringDuration: plan.rings && ringEnd > ringingAt ? ringEnd - ringingAt : 0,
      talkDuration: answeredAt === null ? 0 : at - answeredAt,
      lineFailure: false,
    };
  };

  try {
    if (!(await sleepUntil(ringingAt)) || signal?.aborted) return hungUp(null);
    if (plan.rings) hooks?.onRinging?.(ringingAt);
    if (!(await sleepUntil(earlyEndsAt))) return hungUp(null);
    if (answered) {
      if (signal?.aborted) return hungUp(null);
      hooks?.onAnswered?.(earlyEndsAt);
      if (!(await sleepUntil(endedAt))) return hungUp(earlyEndsAt);
    }
    return {
      status: TaskStatus[plan.status],
      hangupCause: plan.hangupCause,
      sipCode: plan.sipCode,
      startedAt,
      answeredAt: answered ? earlyEndsAt : null,
      endedAt,
      ringDuration: plan.rings ? plan.earlyMs : 0,
      talkDuration: plan.talkMs,
      lineFailure: plan.lineFailure,
      ...(plan.conversation ? { conversation: plan.conversation } : {}),
      ...(plan.robotError !== undefined ? { robotError: plan.robotError } : {}),
    };
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
