import { describe, expect, it } from 'vitest';
import { FailureReason, TaskStatus } from '../../../src/core/enums.js';
import { decideAfterAttempt } from '../../../src/core/strategy/decideAfterAttempt.js';
import { emptyHistory } from '../../../src/core/strategy/emptyHistory.js';
import { recordAttempt } from '../../../src/core/strategy/recordAttempt.js';
import type { AttemptDecision, RecallStrategy, Strategy } from '../../../src/core/strategy/types.js';

const ZONE = 'Asia/Shanghai';
const NOW = Date.parse('2026-03-02T10:00:00+08:00'); // a Monday
const MIN = 60_000;

const allIgnore: RecallStrategy = { emptyNumberIgnore: true, inArrearsIgnore: true, outOfServiceIgnore: true };
const noIgnore: RecallStrategy = { emptyNumberIgnore: false, inArrearsIgnore: false, outOfServiceIgnore: false };

/** Three a day, ten minutes apart, 09:00–12:00, until the end of the week. */
const open: Strategy = {
  repeatBy: 'once',
  repeatDays: [],
  workingTime: [{ begin: 9 * 3600, end: 12 * 3600 }],
  holidays: [],
  maxAttemptsPerDay: 3,
  minAttemptInterval: 10,
  endTime: Date.parse('2026-03-07T00:00:00+08:00'),
};
/** No end and one attempt a day: the job gets one attempt in all. */
const single: Strategy = { ...open, endTime: undefined, maxAttemptsPerDay: 1 };
/** Ends before the next window. */
const ending: Strategy = { ...open, endTime: Date.parse('2026-03-02T10:05:00+08:00') };

const afterOne = recordAttempt(emptyHistory(), ZONE, NOW - MIN, NOW);
const fail = (reason: FailureReason): AttemptDecision => ({ kind: 'fail', reason });
const retry: AttemptDecision = { kind: 'retry', at: NOW + 10 * MIN };

describe('decideAfterAttempt', () => {
  const cases: [string, Strategy, RecallStrategy, TaskStatus, AttemptDecision][] = [
    ['answered → succeed', open, allIgnore, TaskStatus.Succeeded, { kind: 'succeed' }],
    ['answered succeeds even with nothing left', single, noIgnore, TaskStatus.Succeeded, { kind: 'succeed' }],
    ['empty number with emptyNumberIgnore', open, allIgnore, TaskStatus.EmptyNumber, fail(FailureReason.EmptyNumber)],
    ['not-exist with emptyNumberIgnore', open, allIgnore, TaskStatus.NotExist, fail(FailureReason.EmptyNumber)],
    ['in arrears with inArrearsIgnore', open, allIgnore, TaskStatus.InArrears, fail(FailureReason.InArrears)],
    [
      'out of service with outOfServiceIgnore',
      open,
      allIgnore,
      TaskStatus.OutOfService,
      fail(FailureReason.OutOfService),
    ],
    ['empty number without the flag retries', open, noIgnore, TaskStatus.EmptyNumber, retry],
    ['in arrears without the flag retries', open, noIgnore, TaskStatus.InArrears, retry],
    ['out of service without the flag retries', open, noIgnore, TaskStatus.OutOfService, retry],
    ['no answer retries after the interval', open, allIgnore, TaskStatus.NoAnswer, retry],
    ['busy retries', open, allIgnore, TaskStatus.Busy, retry],
    ['failed retries', open, allIgnore, TaskStatus.Failed, retry],
    ['past the end → TimeUp', ending, allIgnore, TaskStatus.NoAnswer, fail(FailureReason.TimeUp)],
    ['no answer, attempts exhausted → NoAnswer', single, allIgnore, TaskStatus.NoAnswer, fail(FailureReason.NoAnswer)],
    ['busy, exhausted → NoAnswer', single, allIgnore, TaskStatus.Busy, fail(FailureReason.NoAnswer)],
    ['powered off, exhausted → NoAnswer', single, allIgnore, TaskStatus.PoweredOff, fail(FailureReason.NoAnswer)],
    ['not connected, exhausted → NoAnswer', single, allIgnore, TaskStatus.NotConnected, fail(FailureReason.NoAnswer)],
    ['terminated, exhausted → NoAnswer', single, allIgnore, TaskStatus.Terminated, fail(FailureReason.NoAnswer)],
    ['failed, exhausted → CallFailed', single, allIgnore, TaskStatus.Failed, fail(FailureReason.CallFailed)],
    [
      'caller not registered, exhausted → CallFailed',
      single,
      allIgnore,
      TaskStatus.CallerNotRegistered,
      fail(FailureReason.CallFailed),
    ],
    [
      'empty number without the flag, exhausted → CallFailed',
      single,
      noIgnore,
      TaskStatus.EmptyNumber,
      fail(FailureReason.CallFailed),
    ],
  ];
  for (const [title, strategy, recall, status, expected] of cases) {
    it(title, () => {
      expect(decideAfterAttempt(strategy, recall, ZONE, afterOne, status, NOW)).toEqual(expected);
    });
  }

  it('the day filling up moves the retry to the next window day', () => {
    let h = emptyHistory();
    for (let i = 0; i < 3; i++) h = recordAttempt(h, ZONE, NOW - (30 - i * 10) * MIN, NOW - (29 - i * 10) * MIN);
    expect(decideAfterAttempt(open, noIgnore, ZONE, h, TaskStatus.NoAnswer, NOW)).toEqual({
      kind: 'retry',
      at: Date.parse('2026-03-03T09:00:00+08:00'),
    });
  });
});
