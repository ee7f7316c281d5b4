import { invalidField } from '../../core/errors.js';

export const RETRY_PRESETS = {
  /** 1, 2, 4, 8 … minutes between tries: ten retries, the last 512 minutes after the one before (BaiYing). */
  exponential: Array.from({ length: 10 }, (_, i) => 60 * 2 ** i),
  /** Every minute, five retries (Airudder). */
  'every-minute': [60, 60, 60, 60, 60],
} as const satisfies Record<string, readonly number[]>;
export type RetryPreset = keyof typeof RETRY_PRESETS;

export type RetryInput = { preset: RetryPreset } | { scheduleSeconds: number[] };

export const DEFAULT_RETRY: RetryPreset = 'exponential';
export const MAX_RETRIES = 50;
const MAX_WAIT_SECONDS = 7 * 24 * 3600;

/** Seconds to wait before each retry; its length is the number of retries after the first try. */
export function retrySchedule(retry: RetryInput | undefined): number[] {
  if (!retry) return [...RETRY_PRESETS[DEFAULT_RETRY]];
  if ('preset' in retry) {
    const preset = RETRY_PRESETS[retry.preset];
    if (!preset) throw invalidField('retry.preset', `must be one of ${Object.keys(RETRY_PRESETS).join(', ')}`);
    return [...preset];
  }
  const s = retry.scheduleSeconds;
  if (!Array.isArray(s) || s.length > MAX_RETRIES) {
    throw invalidField('retry.scheduleSeconds', `must be a list of at most ${MAX_RETRIES} waits`);
  }
  for (const [i, n] of s.entries()) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_WAIT_SECONDS) {
      throw invalidField(`retry.scheduleSeconds[${i}]`, `must be whole seconds from 1 to ${MAX_WAIT_SECONDS}`);
    }
  }
  return [...s];
}
