import { DateTime } from 'luxon';
import { DAY, HOUR } from '../../../src/core/clock.js';
import type { EngineOptions } from '../../../src/engine/createEngine.js';

/**
 * The campaign the crash test runs, shared by the child (which creates and runs it) and the test (which
 * checks the store against it). Everything is fixed so a fresh file always holds the same campaign.
 */
export const ZONE = 'Asia/Shanghai';
/** Monday 2026-01-05 08:00 in Shanghai: where the first run's virtual clock starts. */
export const START = DateTime.fromISO('2026-01-05T08:00:00', { zone: ZONE }).toMillis();
/** Friday 2026-01-09 16:00, inside the afternoon window: jobs still waiting then fail TimeUp. */
export const END = START + 4 * DAY + 8 * HOUR;

export const MAX_ATTEMPTS_PER_DAY = 3;
export const MIN_ATTEMPT_INTERVAL_MIN = 10;
export const WEEKDAYS = [1, 2, 3, 4, 5];
/** Working windows in minutes since local midnight, half-open. */
export const WINDOWS: readonly [number, number][] = [
  [9 * 60, 12 * 60],
  [13 * 60 + 30, 18 * 60],
];

export const STRATEGY = {
  maxAttemptsPerDay: MAX_ATTEMPTS_PER_DAY,
  minAttemptInterval: MIN_ATTEMPT_INTERVAL_MIN,
  RepeatBy: 'week',
  RepeatDays: WEEKDAYS,
  workingTime: [
    { beginTime: '09:00:00', endTime: '12:00:00' },
    { beginTime: '13:30:00', endTime: '18:00:00' },
  ],
  startTime: START,
  endTime: END,
};
export const RECALL = { emptyNumberIgnore: true };

export const JOB_COUNT = 300;
export const phoneNumbers = (): string[] =>
  Array.from({ length: JOB_COUNT }, (_, i) => `139${String(20_000_000 + i * 7919).padStart(8, '0')}`);

export const SIM_SEED = 424_242;
/** Numbers that never answer: their jobs retry up to three times a day until the end, then fail TimeUp. */
export const UNREACHABLE = phoneNumbers().slice(-10);
export const SIM_RULES = UNREACHABLE.map((n) => ({ pattern: `+86${n}`, outcomes: ['NoAnswer' as const] }));

/** Sweeps on the first pass (nextSweepAt starts at -Infinity) and then every 30 s, well inside a lease. */
export const ENGINE_OPTIONS: Partial<EngineOptions> = {
  pollMs: 60_000,
  leaseMs: 60_000,
  sweepMs: 30_000,
  claimBatch: 50,
  recordBatch: 50,
};
export const LEASE_MS = ENGINE_OPTIONS.leaseMs as number;
/** A restart resumes the virtual clock this long after the last instant the store recorded. */
export const DOWNTIME_MS = LEASE_MS + 1_000;
