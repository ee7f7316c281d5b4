export { decideAfterAttempt } from './decideAfterAttempt.js';
export { emptyHistory } from './emptyHistory.js';
export { localDayKey } from './localDayKey.js';
export { mayDial } from './mayDial.js';
export { nextAttemptAt } from './nextAttemptAt.js';
export { parseOptionalStrategy } from './parseOptionalStrategy.js';
export { parseRecallStrategy } from './parseRecallStrategy.js';
export { parseStrategy } from './parseStrategy.js';
export { recordAttempt } from './recordAttempt.js';
export { totalAttemptCap } from './totalAttemptCap.js';
export type {
  AttemptDecision,
  AttemptHistory,
  DailyWindow,
  Holiday,
  NextAttempt,
  RecallStrategy,
  RepeatBy,
  Strategy,
} from './types.js';
export { zoneOffset } from './zoneOffset.js';
