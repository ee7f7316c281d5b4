import type { AttemptHistory } from './types.js';

/** The history of a job that has not been dialled yet. */
export function emptyHistory(): AttemptHistory {
  return { attempts: 0, dayKey: null, dayAttempts: 0, lastEndedAt: null };
}
