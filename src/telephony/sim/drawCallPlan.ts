import type { Random } from '../../core/clock.js';
import type { SimOutcomeDetail } from './compileOutcomeRules.js';
import { type SimDistribution, sampleDistribution } from './sampleDistribution.js';
import type { SimFailureSpec, SimProfile } from './simProfiles.js';
import { SIM_STATUS_SIGNALS, type SimStatusName } from './simStatusSignals.js';

/**
 * Everything about one simulated call, decided when it is dialed. Offsets are ms from the dial:
 * ringing (or the announcement) starts at `setupMs`, is answered or ends `earlyMs` later, and an
 * answered call talks for `talkMs`. Invariant: unless answered, `setupMs + earlyMs ≤ ringTimeoutMs`;
 * answered calls are answered by `ringTimeoutMs` at the latest.
 */
export interface SimCallPlan {
  status: SimStatusName;
  sipCode: number;
  hangupCause: string;
  lineFailure: boolean;
  setupMs: number;
  /** Whether the callee's phone rings (onRinging fires at `setupMs`). */
  rings: boolean;
  earlyMs: number;
  talkMs: number;
}

export interface DrawCallPlanInput {
  profile: SimProfile;
  /** A fresh stream for this call. */
  random: Random;
  ringTimeoutMs: number;
  /** A scripted outcome from a rule; without one, the profile decides. */
  outcome?: SimOutcomeDetail;
}

const ZERO: SimDistribution = { kind: 'fixed', ms: 0 };

/** Decides one call: from a scripted outcome if given, else from the profile, always within the ring timeout. */
export function drawCallPlan({ profile, random, ringTimeoutMs, outcome }: DrawCallPlanInput): SimCallPlan {
  const limit = Math.max(0, ringTimeoutMs);
  return withinRingTimeout(outcome ? scripted(outcome, profile, random, limit) : drawn(profile, random), limit);
}

function drawn(profile: SimProfile, random: Random): SimCallPlan {
  if (random.next() < profile.answerRate || profile.failures.length === 0) {
    const setupMs = sampleDistribution(profile.setupMs, random);
    const earlyMs = sampleDistribution(profile.ringMs, random);
    const talkMs = sampleDistribution(profile.talkMs, random);
    return { ...signalsOf('Succeeded'), lineFailure: false, setupMs, rings: true, earlyMs, talkMs };
  }
  const spec = pickFailure(profile.failures, random.next());
  const { early } = SIM_STATUS_SIGNALS[spec.status];
  const setupMs = sampleDistribution(profile.setupMs, random);
  // NoAnswer rings for ever; withinRingTimeout ends it at the timeout.
  const earlyMs =
    early === 'untilTimeout' ? Number.POSITIVE_INFINITY : sampleDistribution(spec.durationMs ?? ZERO, random);
  return {
    status: spec.status,
    sipCode: spec.sipCode ?? SIM_STATUS_SIGNALS[spec.status].sipCode,
    hangupCause: spec.hangupCause ?? SIM_STATUS_SIGNALS[spec.status].hangupCause,
    lineFailure: false,
    setupMs,
    rings: early !== 'announce',
    earlyMs,
    talkMs: 0,
  };
}

function scripted(o: SimOutcomeDetail, profile: SimProfile, random: Random, limit: number): SimCallPlan {
  const { early } = SIM_STATUS_SIGNALS[o.status];
  const spec = profile.failures.find((f) => f.status === o.status);
  const lineFailure = o.lineFailure ?? o.status === 'CallerNotRegistered';
  const answered = o.status === 'Succeeded';
  // A line failure ends at once unless told otherwise; other timings left out come from the profile,
  // shortened so the call still ends (or is answered) by the ring timeout with the status asked for.
  const setupMs = o.setupMs ?? (lineFailure ? 0 : Math.min(limit, sampleDistribution(profile.setupMs, random)));
  const room = Math.max(0, limit - setupMs);
  const earlyDistribution = answered ? profile.ringMs : lineFailure ? ZERO : (spec?.durationMs ?? ZERO);
  const earlyMs =
    o.ringMs ?? (early === 'untilTimeout' ? room : Math.min(room, sampleDistribution(earlyDistribution, random)));
  const talkMs = answered ? (o.talkMs ?? sampleDistribution(profile.talkMs, random)) : 0;
  // A line failure signals like a trunk that is down (503 SERVICE_UNAVAILABLE) unless told otherwise.
  const signals = lineFailure ? SIM_STATUS_SIGNALS.CallerNotRegistered : (spec ?? SIM_STATUS_SIGNALS[o.status]);
  return {
    status: o.status,
    sipCode: o.sipCode ?? signals.sipCode ?? SIM_STATUS_SIGNALS[o.status].sipCode,
    hangupCause: o.hangupCause ?? signals.hangupCause ?? SIM_STATUS_SIGNALS[o.status].hangupCause,
    lineFailure,
    setupMs,
    rings: early !== 'announce',
    earlyMs,
    talkMs,
  };
}

/** A call not answered (or ended) by the ring timeout is abandoned there as NoAnswer. */
function withinRingTimeout(plan: SimCallPlan, limit: number): SimCallPlan {
  if (plan.setupMs + plan.earlyMs <= limit) return plan;
  const setupMs = Math.min(plan.setupMs, limit);
  const keep = plan.status === 'NoAnswer';
  return {
    status: 'NoAnswer',
    sipCode: keep ? plan.sipCode : SIM_STATUS_SIGNALS.NoAnswer.sipCode,
    hangupCause: keep ? plan.hangupCause : SIM_STATUS_SIGNALS.NoAnswer.hangupCause,
    lineFailure: false,
    setupMs,
    rings: plan.rings && plan.setupMs < limit,
    earlyMs: limit - setupMs,
    talkMs: 0,
  };
}

function signalsOf(status: SimStatusName): { status: SimStatusName; sipCode: number; hangupCause: string } {
  const { sipCode, hangupCause } = SIM_STATUS_SIGNALS[status];
  return { status, sipCode, hangupCause };
}

function pickFailure(failures: readonly SimFailureSpec[], u: number): SimFailureSpec {
  const total = failures.reduce((sum, f) => sum + f.weight, 0);
  let x = u * total;
  for (const f of failures) {
    if (x < f.weight) return f;
    x -= f.weight;
  }
  return failures[failures.length - 1] as SimFailureSpec;
}
