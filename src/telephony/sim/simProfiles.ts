import type { PersonaName } from '../../robot/personas/index.js';
import type { SimDistribution } from './sampleDistribution.js';
import type { SimStatusName } from './simStatusSignals.js';

/** One way an unanswered call ends, with its share of the unanswered calls. */
export interface SimFailureSpec {
  status: Exclude<SimStatusName, 'Succeeded' | 'CallerNotRegistered'>;
  /** Relative weight among the profile's failures. */
  weight: number;
  /** How long it rings (`ring` outcomes) or the announcement lasts (`announce`); ignored for NoAnswer. Default 0. */
  durationMs?: SimDistribution;
  /** Overrides SIM_STATUS_SIGNALS for this entry. */
  sipCode?: number;
  hangupCause?: string;
}

/**
 * How a population of callees behaves. A call first waits `setupMs` (post-dial delay), then either rings
 * for `ringMs` and is answered for `talkMs` (probability `answerRate`), or ends as one of `failures`.
 * Whatever has not been answered by the request's ring timeout ends there as NoAnswer.
 */
export interface SimProfile {
  description: string;
  answerRate: number;
  /** The answered share a campaign should see with a ring timeout ≥ 25 s (for tests and the demo). */
  answerBand: readonly [min: number, max: number];
  /** Post-dial delay: from the dial to ringing (or to the announcement). */
  setupMs: SimDistribution;
  /** From ringing to answer, for answered calls. */
  ringMs: SimDistribution;
  /** Without a robot: how long an answered call talks. With one, the conversation decides. */
  talkMs: SimDistribution;
  failures: readonly SimFailureSpec[];
  /** Who answers when a robot calls, by relative weight (default DEFAULT_PERSONA_MIX). */
  personas?: Readonly<Partial<Record<PersonaName, number>>>;
}

/** The customers a robot meets on a consumer list, by relative weight. */
export const DEFAULT_PERSONA_MIX: Readonly<Record<PersonaName, number>> = {
  interested: 20,
  asksQuestions: 20,
  busy: 20,
  hostile: 20,
  silent: 10,
  wrongPerson: 10,
};

export type SimProfileName = 'default' | 'instant' | 'hard' | 'reliable';

const SECOND = 1000;

/** A uniform duration between two whole seconds. */
const between = (minS: number, maxS: number): SimDistribution => ({
  kind: 'uniform',
  minMs: minS * SECOND,
  maxMs: maxS * SECOND,
});

/** The built-in callee populations. Read-only: copy one with a spread to tune it. */
export const SIM_PROFILES: Readonly<Record<SimProfileName, SimProfile>> = {
  default: {
    description: 'A consumer campaign: ~40% answer after 3–20 s of ringing and talk 20–180 s.',
    answerRate: 0.4,
    answerBand: [0.35, 0.45],
    setupMs: { kind: 'uniform', minMs: 1 * SECOND, maxMs: 3 * SECOND },
    ringMs: { kind: 'lognormal', medianMs: 8 * SECOND, sigma: 0.5, minMs: 3 * SECOND, maxMs: 20 * SECOND },
    talkMs: { kind: 'lognormal', medianMs: 60 * SECOND, sigma: 0.6, minMs: 20 * SECOND, maxMs: 180 * SECOND },
    failures: [
      { status: 'NoAnswer', weight: 45 },
      { status: 'Busy', weight: 15, durationMs: between(1, 8) },
      { status: 'PoweredOff', weight: 12, durationMs: between(4, 9) },
      { status: 'NotConnected', weight: 8, durationMs: between(5, 12) },
      { status: 'EmptyNumber', weight: 8, durationMs: between(3, 8) },
      { status: 'OutOfService', weight: 5, durationMs: between(4, 9) },
      { status: 'InArrears', weight: 2, durationMs: between(4, 9) },
      { status: 'NotExist', weight: 2, durationMs: between(0, 1) },
      { status: 'Failed', weight: 2, durationMs: between(0, 2) },
      {
        status: 'Failed',
        weight: 1,
        durationMs: between(0, 1),
        sipCode: 503,
        hangupCause: 'NORMAL_CIRCUIT_CONGESTION',
      },
    ],
  },
  instant: {
    description: 'Every call answered at once and ended at once: for dispatch benchmarks.',
    answerRate: 1,
    answerBand: [1, 1],
    setupMs: { kind: 'fixed', ms: 0 },
    ringMs: { kind: 'fixed', ms: 0 },
    talkMs: { kind: 'fixed', ms: 0 },
    failures: [],
  },
  hard: {
    description: 'A cold list: ~15% answer; many busy, powered-off and empty numbers.',
    answerRate: 0.15,
    answerBand: [0.1, 0.2],
    setupMs: { kind: 'uniform', minMs: 1 * SECOND, maxMs: 4 * SECOND },
    ringMs: { kind: 'lognormal', medianMs: 10 * SECOND, sigma: 0.5, minMs: 4 * SECOND, maxMs: 20 * SECOND },
    talkMs: { kind: 'lognormal', medianMs: 40 * SECOND, sigma: 0.7, minMs: 10 * SECOND, maxMs: 150 * SECOND },
    failures: [
      { status: 'NoAnswer', weight: 35 },
      { status: 'Busy', weight: 20, durationMs: between(1, 8) },
      { status: 'PoweredOff', weight: 18, durationMs: between(4, 9) },
      { status: 'EmptyNumber', weight: 12, durationMs: between(3, 8) },
      { status: 'NotConnected', weight: 6, durationMs: between(5, 12) },
      { status: 'OutOfService', weight: 4, durationMs: between(4, 9) },
      { status: 'InArrears', weight: 2, durationMs: between(4, 9) },
      { status: 'NotExist', weight: 1, durationMs: between(0, 1) },
      { status: 'Failed', weight: 1, durationMs: between(0, 2) },
      {
        status: 'Failed',
        weight: 1,
        durationMs: between(0, 1),
        sipCode: 503,
        hangupCause: 'NORMAL_CIRCUIT_CONGESTION',
      },
    ],
  },
  reliable: {
    description: 'A warm list of customers who expect the call: ~90% answer after 2–8 s.',
    answerRate: 0.9,
    answerBand: [0.85, 0.95],
    setupMs: { kind: 'uniform', minMs: 1 * SECOND, maxMs: 2 * SECOND },
    ringMs: { kind: 'uniform', minMs: 2 * SECOND, maxMs: 8 * SECOND },
    talkMs: { kind: 'lognormal', medianMs: 60 * SECOND, sigma: 0.6, minMs: 20 * SECOND, maxMs: 180 * SECOND },
    failures: [
      { status: 'NoAnswer', weight: 55 },
      { status: 'Busy', weight: 30, durationMs: between(1, 8) },
      { status: 'PoweredOff', weight: 10, durationMs: between(4, 9) },
      { status: 'Failed', weight: 5, durationMs: between(0, 2) },
    ],
  },
};
