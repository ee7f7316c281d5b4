import type { Strategy } from './types.js';

/**
 * How many attempts a job may have over its whole life:
 * - `maxAttempts` when the strategy gives it;
 * - otherwise unlimited (`Infinity`) when the strategy has an `endTime`: the end bounds the retries;
 * - otherwise `maxAttemptsPerDay`: a strategy without an end never retries forever. This holds for
 *   'immediate' too (the vendor's default "dial now": up to maxAttemptsPerDay tries, spaced by
 *   minAttemptInterval).
 */
export function totalAttemptCap(strategy: Strategy): number {
  // `??` rather than `!== undefined`: a strategy read back from storage may carry nulls.
  return (
    strategy.maxAttempts ??
    ((strategy.endTime ?? null) === null ? strategy.maxAttemptsPerDay : Number.POSITIVE_INFINITY)
  );
}
