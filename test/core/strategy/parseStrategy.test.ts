import { describe, expect, it } from 'vitest';
import { OutdialError } from '../../../src/core/errors.js';
import { parseOptionalStrategy } from '../../../src/core/strategy/parseOptionalStrategy.js';
import { parseStrategy } from '../../../src/core/strategy/parseStrategy.js';
import type { Strategy } from '../../../src/core/strategy/types.js';

const h = (hh: number, mm = 0, ss = 0) => hh * 3600 + mm * 60 + ss;

/** Runs `f` and returns the OutdialError it throws. */
function errorOf(f: () => unknown): OutdialError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(OutdialError);
    return e as OutdialError;
  }
  throw new Error('expected an OutdialError, nothing was thrown');
}

describe('parseStrategy: the seeds’ own examples', () => {
  const cases: [string, unknown, Strategy][] = [
    [
      'seed 000 可用示例 (everything blank, RepeatBy once)',
      {
        maxAttemptsPerDay: 1,
        minAttemptInterval: 1,
        RepeatBy: 'once',
        RepeatDays: '',
        workingTime: '',
        name: '策略名字',
        startTime: '',
        endTime: '',
      },
      {
        name: '策略名字',
        repeatBy: 'once',
        repeatDays: [],
        workingTime: [],
        holidays: [],
        maxAttemptsPerDay: 1,
        minAttemptInterval: 1,
      },
    ],
    [
      'seed 000 explained example (week, Monday to Friday, 09:00-12:00)',
      {
        maxAttemptsPerDay: 1,
        minAttemptInterval: 1,
        RepeatBy: 'week',
        RepeatDays: [1, 2, 3, 4, 5],
        workingTime: [{ beginTime: '09:00:00', endTime: '12:00:00' }],
        name: '策略名字',
        startTime: 1631503815256,
        endTime: 1631521815256,
      },
      {
        name: '策略名字',
        repeatBy: 'week',
        repeatDays: [1, 2, 3, 4, 5],
        workingTime: [{ begin: h(9), end: h(12) }],
        holidays: [],
        startTime: 1631503815256,
        endTime: 1631521815256,
        maxAttemptsPerDay: 1,
        minAttemptInterval: 1,
      },
    ],
    [
      'seed 001 createStrategy (no RepeatBy, two windows)',
      {
        maxAttemptsPerDay: 3,
        minAttemptInterval: 10,
        name: '2b7c7f7e-4c1b-4c44-9a0e-1f4bbd0a9f2a',
        startTime: 1767225600000,
        endTime: 1767225600000 + 3_600_000,
        workingTime: [
          { beginTime: '09:00:00', endTime: '12:00:00' },
          { beginTime: '14:00:00', endTime: '16:00:00' },
        ],
      },
      {
        name: '2b7c7f7e-4c1b-4c44-9a0e-1f4bbd0a9f2a',
        repeatBy: 'once', // windows without RepeatBy hold
        repeatDays: [],
        workingTime: [
          { begin: h(9), end: h(12) },
          { begin: h(14), end: h(16) },
        ],
        holidays: [],
        startTime: 1767225600000,
        endTime: 1767225600000 + 3_600_000,
        maxAttemptsPerDay: 3,
        minAttemptInterval: 10,
      },
    ],
    [
      'seed 003 params (work_hour, work_week, holiday)',
      {
        enable: true,
        line_group: ['外呼使用的线路组'],
        limit: 100,
        start_time: '2020-1-20 12:00',
        stop_time: '2020-1-22 12:00',
        work_hour: [
          { begin: '8:00', end: '12:00' },
          { begin: '14:00', end: '18:00' },
        ],
        work_week: [1, 2, 3, 4, 5],
        holiday: [
          { begin: '2020-1-20 12:00', end: '2020-1-21 12:00' },
          { begin: '2020-1-21 12:00', end: '2020-1-22 8:00' },
        ],
        number_queue: '号码队列',
      },
      {
        repeatBy: 'week',
        repeatDays: [1, 2, 3, 4, 5],
        workingTime: [
          { begin: h(8), end: h(12) },
          { begin: h(14), end: h(18) },
        ],
        holidays: [
          { begin: '2020-01-20T12:00:00', end: '2020-01-21T12:00:00' },
          { begin: '2020-01-21T12:00:00', end: '2020-01-22T08:00:00' },
        ],
        maxAttemptsPerDay: 1,
        minAttemptInterval: 1,
      },
    ],
    [
      'empty object: immediate with defaults',
      {},
      {
        repeatBy: 'immediate',
        repeatDays: [],
        workingTime: [],
        holidays: [],
        maxAttemptsPerDay: 1,
        minAttemptInterval: 1,
      },
    ],
  ];
  for (const [title, input, expected] of cases) {
    it(title, () => {
      expect(parseStrategy(input)).toEqual(expected);
      expect(parseStrategy(JSON.stringify(input))).toEqual(expected);
    });
  }
});

describe('parseStrategy: spellings and leniency', () => {
  it('accepts newer-SDK lower-case keys and any case of RepeatBy', () => {
    const s = parseStrategy({ repeatBy: 'MONTH', repeatDays: '1, 15,31', MaxAttemptsPerDay: '2' });
    expect(s).toMatchObject({ repeatBy: 'month', repeatDays: [1, 15, 31], maxAttemptsPerDay: 2 });
  });
  it('accepts the same key spelled twice with the same value', () => {
    expect(parseStrategy({ RepeatBy: 'week', repeatBy: 'week', RepeatDays: [1] }).repeatBy).toBe('week');
  });
  it('sorts and de-duplicates repeat days, sorts windows', () => {
    const s = parseStrategy({
      RepeatBy: 'week',
      RepeatDays: [5, 1, 5, 0],
      workingTime: [
        { beginTime: '14:00', endTime: '24:00:00' },
        { beginTime: '0:00', endTime: '9:30' },
        { beginTime: '09:30', endTime: '12:00' },
      ],
    });
    expect(s.repeatDays).toEqual([0, 1, 5]);
    expect(s.workingTime).toEqual([
      { begin: 0, end: h(9, 30) },
      { begin: h(9, 30), end: h(12) },
      { begin: h(14), end: 86_400 },
    ]);
  });
  it('takes numeric strings for numbers and treats 0 / null / "" times as absent', () => {
    const s = parseStrategy({ minAttemptInterval: '2.5', startTime: '1631503815256', endTime: 0, maxAttempts: '4' });
    expect(s).toMatchObject({ minAttemptInterval: 2.5, startTime: 1631503815256, maxAttempts: 4 });
    expect(s.endTime).toBeUndefined();
    expect(parseStrategy({ startTime: null, endTime: '' }).startTime).toBeUndefined();
  });
  it('ignores unknown keys and RepeatDays for once', () => {
    expect(parseStrategy({ RepeatBy: 'once', RepeatDays: [1, 2, 3], vendorExtra: { a: 1 } }).repeatDays).toEqual([]);
  });
  it('reads holidays (Outdial key) with seconds, T separator and bare dates, merged with holiday', () => {
    const s = parseStrategy({
      holidays: [{ begin: '2026-10-01', end: '2026-10-08T00:00:00' }],
      holiday: [{ begin: '2026-5-1 9:05:07', end: '2026-5-2 0:00' }],
    });
    expect(s.holidays).toEqual([
      { begin: '2026-05-01T09:05:07', end: '2026-05-02T00:00:00' },
      { begin: '2026-10-01T00:00:00', end: '2026-10-08T00:00:00' },
    ]);
  });
  it('work_week with RepeatBy week is the weekday list; an empty work_week is no restriction', () => {
    expect(parseStrategy({ RepeatBy: 'week', work_week: '0,6' }).repeatDays).toEqual([0, 6]);
    expect(parseStrategy({ work_week: [] }).repeatBy).toBe('immediate');
  });
  it('parseOptionalStrategy: blank is null, anything else is parsed', () => {
    expect(parseOptionalStrategy(undefined)).toBeNull();
    expect(parseOptionalStrategy(null)).toBeNull();
    expect(parseOptionalStrategy('  ')).toBeNull();
    expect(parseOptionalStrategy('{"RepeatBy":"once"}')?.repeatBy).toBe('once');
    expect(errorOf(() => parseOptionalStrategy('[1]', 'jobs[0].strategy')).details.field).toBe('jobs[0].strategy');
  });
});

describe('parseStrategy: bad input is INVALID_STRATEGY naming the field', () => {
  const week = { RepeatBy: 'week', RepeatDays: [1, 2, 3, 4, 5] };
  const cases: [string, unknown, string, RegExp][] = [
    [
      'endTime before startTime',
      { startTime: 1631521815256, endTime: 1631503815256 },
      'strategy.endTime',
      /must be after startTime/,
    ],
    ['endTime equal to startTime', { startTime: 1631521815256, endTime: 1631521815256 }, 'strategy.endTime', /after/],
    [
      '25:00:00',
      { ...week, workingTime: [{ beginTime: '09:00:00', endTime: '25:00:00' }] },
      'strategy.workingTime[0].endTime',
      /not a valid time of day.*25:00:00/,
    ],
    [
      '12:60',
      { ...week, workingTime: [{ beginTime: '12:60', endTime: '13:00' }] },
      'strategy.workingTime[0].beginTime',
      /not a valid time of day/,
    ],
    [
      '24:00 as a begin',
      { workingTime: [{ beginTime: '24:00:00', endTime: '24:00:00' }] },
      'strategy.workingTime[0].beginTime',
      /only allowed as an end time/,
    ],
    [
      'begin after end',
      { workingTime: [{ beginTime: '12:00', endTime: '09:00' }] },
      'strategy.workingTime[0].endTime',
      /must be after beginTime/,
    ],
    [
      'empty window',
      { workingTime: [{ beginTime: '12:00', endTime: '12:00:00' }] },
      'strategy.workingTime[0].endTime',
      /must be after beginTime/,
    ],
    [
      'overlapping windows',
      {
        workingTime: [
          { beginTime: '09:00:00', endTime: '12:00:00' },
          { beginTime: '11:00:00', endTime: '13:00:00' },
        ],
      },
      'strategy.workingTime[1]',
      /overlaps strategy.workingTime\[0\]/,
    ],
    [
      'overlapping windows given out of order',
      {
        workingTime: [
          { beginTime: '14:00', endTime: '16:00' },
          { beginTime: '08:00', endTime: '12:00' },
          { beginTime: '10:00', endTime: '11:00' },
        ],
      },
      'strategy.workingTime[2]',
      /overlaps strategy.workingTime\[1\]/,
    ],
    [
      'a window without endTime',
      { workingTime: [{ beginTime: '09:00' }] },
      'strategy.workingTime[0].endTime',
      /required/,
    ],
    ['a window as a string', { workingTime: ['09:00-12:00'] }, 'strategy.workingTime[0]', /must be an object/],
    ['workingTime as a number', { workingTime: 9 }, 'strategy.workingTime', /must be an array/],
    ['week day 7', { RepeatBy: 'week', RepeatDays: [1, 2, 7] }, 'strategy.repeatDays[2]', /weekday.*got 7/],
    ['week day -1', { RepeatBy: 'week', RepeatDays: '-1' }, 'strategy.repeatDays[0]', /day number/],
    ['month day 0', { RepeatBy: 'month', RepeatDays: [0, 15] }, 'strategy.repeatDays[0]', /day of the month.*got 0/],
    ['month day 32', { RepeatBy: 'month', RepeatDays: '1,32' }, 'strategy.repeatDays[1]', /day of the month.*got 32/],
    [
      'a repeat day that is no number',
      { RepeatBy: 'week', RepeatDays: [1, 'x'] },
      'strategy.repeatDays[1]',
      /day number/,
    ],
    ['a fractional repeat day', { RepeatBy: 'month', RepeatDays: [1.5] }, 'strategy.repeatDays[0]', /integer/],
    ['week without days', { RepeatBy: 'week', RepeatDays: '' }, 'strategy.repeatDays', /required/],
    ['month without days', { RepeatBy: 'month' }, 'strategy.repeatDays', /required/],
    ['unknown RepeatBy', { RepeatBy: 'fortnight' }, 'strategy.repeatBy', /must be one of once, day, week, month/],
    ['RepeatBy of the wrong type', { RepeatBy: 1 }, 'strategy.repeatBy', /must be one of/],
    ['maxAttemptsPerDay 0', { maxAttemptsPerDay: 0 }, 'strategy.maxAttemptsPerDay', /at least 1/],
    ['maxAttemptsPerDay 1.5', { maxAttemptsPerDay: 1.5 }, 'strategy.maxAttemptsPerDay', /integer/],
    ['maxAttemptsPerDay as a word', { maxAttemptsPerDay: 'three' }, 'strategy.maxAttemptsPerDay', /must be a number/],
    ['negative minAttemptInterval', { minAttemptInterval: -1 }, 'strategy.minAttemptInterval', /at least 0/],
    ['maxAttempts 0', { maxAttempts: 0 }, 'strategy.maxAttempts', /at least 1/],
    ['startTime in seconds', { startTime: 1631503815 }, 'strategy.startTime', /looks like seconds/],
    ['startTime as a date string', { startTime: '2021-09-13' }, 'strategy.startTime', /must be a number/],
    ['name as a number', { name: 42 }, 'strategy.name', /must be a string/],
    [
      'the same key twice with different values',
      { RepeatBy: 'week', repeatBy: 'month', RepeatDays: [1] },
      'strategy.repeatBy',
      /given twice/,
    ],
    [
      'holiday end before begin',
      { holiday: [{ begin: '2020-1-21 12:00', end: '2020-1-20 12:00' }] },
      'strategy.holiday[0].end',
      /must be after begin/,
    ],
    [
      'holiday on February 30',
      { holidays: [{ begin: '2026-2-30 00:00', end: '2026-3-2 00:00' }] },
      'strategy.holidays[0].begin',
      /not a valid date-time/,
    ],
    [
      'holiday in another format',
      { holidays: [{ begin: '20/01/2020', end: '2020-1-22' }] },
      'strategy.holidays[0].begin',
      /local date-time/,
    ],
    [
      'work_hour 25:00',
      { work_hour: [{ begin: '8:00', end: '25:00' }] },
      'strategy.work_hour[0].end',
      /not a valid time of day/,
    ],
    [
      'workingTime and work_hour',
      { workingTime: [{ beginTime: '9:00', endTime: '10:00' }], work_hour: [{ begin: '8:00', end: '12:00' }] },
      'strategy.work_hour',
      /either/,
    ],
    ['work_week day 7', { work_week: [1, 7] }, 'strategy.work_week[1]', /weekday/],
    ['work_week with RepeatBy month', { RepeatBy: 'month', work_week: [1] }, 'strategy.work_week', /RepeatBy week/],
    ['work_week and RepeatDays', { RepeatBy: 'week', RepeatDays: [1], work_week: [2] }, 'strategy.work_week', /either/],
    ['not JSON', '{RepeatBy: once}', 'strategy', /not valid JSON/],
    ['an array', [], 'strategy', /must be an object/],
    ['empty string', '', 'strategy', /required/],
    ['null', null, 'strategy', /required/],
  ];
  for (const [title, input, field, message] of cases) {
    it(title, () => {
      const e = errorOf(() => parseStrategy(input));
      expect(e.code).toBe('INVALID_STRATEGY');
      expect(e.details.field).toBe(field);
      expect(e.message.startsWith(`${field}: `)).toBe(true);
      expect(e.message).toMatch(message);
    });
  }
  it('uses the given path', () => {
    const e = errorOf(() => parseStrategy({ RepeatBy: 'x' }, 'jobs[3].strategy'));
    expect(e.details.field).toBe('jobs[3].strategy.repeatBy');
  });
});
