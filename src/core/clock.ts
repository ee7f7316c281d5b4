/** Time comes in from outside: UTC milliseconds. The engine sleeps on it, tests own it. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Randomness comes in from outside: seeded in tests, demo and simulation. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
