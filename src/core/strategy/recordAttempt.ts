import { localDayKey } from './localDayKey.js';
import type { AttemptHistory } from './types.js';

/**
 * Counts one attempt that started at `startedAt` and ended at `endedAt` (UTC ms). The attempt belongs to
 * the local day (in `zone`) it started on: dayAttempts restarts at 1 on a new day, else grows by one.
 * Returns a new history; the input is not changed.
 */
export function recordAttempt(
  history: AttemptHistory,
  zone: string,
  startedAt: number,
  endedAt: number,
): AttemptHistory {
  const dayKey = localDayKey(startedAt, zone);
  return {
    attempts: history.attempts + 1,
    dayKey,
    dayAttempts: dayKey === history.dayKey ? history.dayAttempts + 1 : 1,
    lastEndedAt: endedAt,
  };
}
