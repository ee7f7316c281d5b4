import { FailureReason, TaskStatus } from '../enums.js';
import { nextAttemptAt } from './nextAttemptAt.js';
import type { AttemptDecision, AttemptHistory, RecallStrategy, Strategy } from './types.js';

/** Statuses meaning "the callee was not reached": running out of attempts after them is NoAnswer. */
const UNREACHED: readonly TaskStatus[] = [
  TaskStatus.NoAnswer,
  TaskStatus.Busy,
  TaskStatus.PoweredOff,
  TaskStatus.NotConnected,
  TaskStatus.Terminated,
];

/**
 * What becomes of a job once an attempt ended with `lastStatus`; `history` already counts that attempt.
 * Succeeded → succeed. EmptyNumber / NotExist with emptyNumberIgnore → fail EmptyNumber; InArrears with
 * inArrearsIgnore → fail InArrears; OutOfService with outOfServiceIgnore → fail OutOfService. Otherwise
 * the strategy decides from `now`: retry at its next allowed instant; past the end → fail TimeUp; out of
 * attempts → fail NoAnswer after an unreached callee (NoAnswer, Busy, PoweredOff, NotConnected,
 * Terminated), else CallFailed.
 */
export function decideAfterAttempt(
  strategy: Strategy,
  recall: RecallStrategy,
  zone: string,
  history: AttemptHistory,
  lastStatus: TaskStatus,
  now: number,
): AttemptDecision {
  if (lastStatus === TaskStatus.Succeeded) return { kind: 'succeed' };
  // The instance's pre-dial hook vetoed the dial: the job is not called again.
  if (lastStatus === TaskStatus.VerificationCancelled)
    return { kind: 'fail', reason: FailureReason.VerificationCancelled };
  if ((lastStatus === TaskStatus.EmptyNumber || lastStatus === TaskStatus.NotExist) && recall.emptyNumberIgnore) {
    return { kind: 'fail', reason: FailureReason.EmptyNumber };
  }
  if (lastStatus === TaskStatus.InArrears && recall.inArrearsIgnore)
    return { kind: 'fail', reason: FailureReason.InArrears };
  if (lastStatus === TaskStatus.OutOfService && recall.outOfServiceIgnore) {
    return { kind: 'fail', reason: FailureReason.OutOfService };
  }
  const next = nextAttemptAt(strategy, zone, history, now);
  if (next.kind === 'at') return { kind: 'retry', at: next.at };
  if (next.reason === 'TimeUp') return { kind: 'fail', reason: FailureReason.TimeUp };
  return { kind: 'fail', reason: UNREACHED.includes(lastStatus) ? FailureReason.NoAnswer : FailureReason.CallFailed };
}
