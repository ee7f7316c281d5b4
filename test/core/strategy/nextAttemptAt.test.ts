import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { OutdialError } from '../../../src/core/errors.js';
import { emptyHistory } from '../../../src/core/strategy/emptyHistory.js';
import { localDayKey } from '../../../src/core/strategy/localDayKey.js';
import { mayDial } from '../../../src/core/strategy/mayDial.js';
import { nextAttemptAt } from '../../../src/core/strategy/nextAttemptAt.js';
import { parseStrategy } from '../../../src/core/strategy/parseStrategy.js';
import { recordAttempt } from '../../../src/core/strategy/recordAttempt.js';
import type { AttemptHistory, NextAttempt, Strategy } from '../../../src/core/strategy/types.js';

/** An instant written with its offset, e.g. "2026-03-02T09:00+08:00". */
const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad ISO ${iso}`);
  return t;
};
const hhmm = (s: string): number => {
  const [h, m] = s.split(':').map(Number) as [number, number];
  return h * 3600 + m * 60;
};
const win = (...pairs: [string, string][]) =>
  pairs.map(([b, e]) => ({ begin: hhmm(b), end: e === '24:00' ? 86_400 : hhmm(e) }));

function strategy(over: Partial<Strategy> = {}): Strategy {
  return {
    repeatBy: 'once',
    repeatDays: [],
    workingTime: [],
    holidays: [],
    maxAttemptsPerDay: 1,
    minAttemptInterval: 1,
    maxAttempts: 100,
    ...over,
  };
}
const history = (over: Partial<AttemptHistory> = {}): AttemptHistory => ({ ...emptyHistory(), ...over });
const atResult = (iso: string): NextAttempt => ({ kind: 'at', at: at(iso) });
const TIME_UP: NextAttempt = { kind: 'never', reason: 'TimeUp' };
const EXHAUSTED: NextAttempt = { kind: 'never', reason: 'AttemptsExhausted' };

interface Case {
  title: string;
  zone?: string;
  s: Partial<Strategy>;
  h?: Partial<AttemptHistory>;
  from: string;
  expected: NextAttempt;
}

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const BER = 'Europe/Berlin';
const LH = 'Australia/Lord_Howe';

// 2026-03-02 is a Monday.
const cases: Case[] = [
  // Windows (Asia/Shanghai, UTC+8).
  {
    title: 'before the window: its begin',
    s: { workingTime: win(['09:00', '12:00']) },
    from: '2026-03-02T08:00+08:00',
    expected: atResult('2026-03-02T09:00+08:00'),
  },
  {
    title: 'inside the window: from itself, to the millisecond',
    s: { workingTime: win(['09:00', '12:00']) },
    from: '2026-03-02T10:15:30.500+08:00',
    expected: atResult('2026-03-02T10:15:30.500+08:00'),
  },
  {
    title: 'at the window end (half-open): next day',
    s: { workingTime: win(['09:00', '12:00']) },
    from: '2026-03-02T12:00+08:00',
    expected: atResult('2026-03-03T09:00+08:00'),
  },
  {
    title: 'between two windows: the second',
    s: { workingTime: win(['09:00', '12:00'], ['14:00', '16:00']) },
    from: '2026-03-02T12:30+08:00',
    expected: atResult('2026-03-02T14:00+08:00'),
  },
  {
    title: 'a window to 24:00 and one from 00:00 join across midnight',
    s: { workingTime: win(['00:00', '01:00'], ['23:00', '24:00']) },
    from: '2026-03-02T23:59:59.999+08:00',
    expected: atResult('2026-03-02T23:59:59.999+08:00'),
  },
  // Day rules.
  {
    title: 'week Mon/Wed/Fri from a Tuesday: Wednesday',
    s: { repeatBy: 'week', repeatDays: [1, 3, 5], workingTime: win(['09:00', '12:00']) },
    from: '2026-03-03T10:00+08:00',
    expected: atResult('2026-03-04T09:00+08:00'),
  },
  {
    title: 'week Sunday only, no windows: Sunday midnight',
    s: { repeatBy: 'week', repeatDays: [0] },
    from: '2026-03-07T23:59+08:00',
    expected: atResult('2026-03-08T00:00+08:00'),
  },
  {
    title: 'week in UTC uses the local weekday, not the UTC one',
    zone: 'Pacific/Auckland',
    s: { repeatBy: 'week', repeatDays: [1] },
    from: '2026-03-01T12:00Z', // Monday 01:00 in Auckland (UTC+13)
    expected: atResult('2026-03-01T12:00Z'),
  },
  {
    title: 'month 31 from April (30 days): May 31',
    s: { repeatBy: 'month', repeatDays: [31], workingTime: win(['09:00', '12:00']) },
    from: '2026-04-01T00:00+08:00',
    expected: atResult('2026-05-31T09:00+08:00'),
  },
  {
    title: 'month 31 from February: March 31',
    s: { repeatBy: 'month', repeatDays: [31] },
    from: '2026-02-01T00:00+08:00',
    expected: atResult('2026-03-31T00:00+08:00'),
  },
  {
    title: 'month 29 in a common year skips February',
    s: { repeatBy: 'month', repeatDays: [29] },
    from: '2026-01-30T00:00+08:00',
    expected: atResult('2026-03-29T00:00+08:00'),
  },
  {
    title: 'month 29 in a leap year: February 29',
    s: { repeatBy: 'month', repeatDays: [29], endTime: at('2029-01-01T00:00Z') },
    from: '2028-02-01T00:00+08:00',
    expected: atResult('2028-02-29T00:00+08:00'),
  },
  // Holidays.
  {
    title: 'a holiday ending at noon: the next window after it',
    s: {
      workingTime: win(['09:00', '12:00'], ['14:00', '16:00']),
      holidays: [{ begin: '2026-03-02T00:00:00', end: '2026-03-04T12:00:00' }],
    },
    from: '2026-03-02T08:00+08:00',
    expected: atResult('2026-03-04T14:00+08:00'),
  },
  {
    title: 'a holiday ending inside a window: its end',
    s: {
      workingTime: win(['09:00', '12:00']),
      holidays: [{ begin: '2026-03-02T10:00:00', end: '2026-03-04T10:30:00' }],
    },
    from: '2026-03-02T09:59+08:00',
    expected: atResult('2026-03-02T09:59+08:00'),
  },
  {
    title: 'seed 003 back-to-back holidays, work_week and work_hour',
    s: parseStrategy({
      work_hour: [
        { begin: '8:00', end: '12:00' },
        { begin: '14:00', end: '18:00' },
      ],
      work_week: [1, 2, 3, 4, 5],
      holiday: [
        { begin: '2020-1-20 12:00', end: '2020-1-21 12:00' },
        { begin: '2020-1-21 12:00', end: '2020-1-22 8:00' },
      ],
    }),
    from: '2020-01-20T12:00+08:00', // Monday
    expected: atResult('2020-01-22T08:00+08:00'),
  },
  {
    title: 'a holiday of several months is skipped in one step',
    s: { repeatBy: 'once', holidays: [{ begin: '2026-01-01T00:00:00', end: '2027-06-01T07:30:00' }] },
    from: '2026-01-01T00:00+08:00',
    expected: atResult('2027-06-01T07:30+08:00'),
  },
  // Caps and interval.
  {
    title: 'the day is full: next day',
    s: { workingTime: win(['09:00', '12:00']), maxAttemptsPerDay: 3 },
    h: { attempts: 3, dayKey: '2026-03-02', dayAttempts: 3, lastEndedAt: at('2026-03-02T09:40+08:00') },
    from: '2026-03-02T10:00+08:00',
    expected: atResult('2026-03-03T09:00+08:00'),
  },
  {
    title: 'the day is not full yet',
    s: { workingTime: win(['09:00', '12:00']), maxAttemptsPerDay: 3 },
    h: { attempts: 2, dayKey: '2026-03-02', dayAttempts: 2, lastEndedAt: at('2026-03-02T09:40+08:00') },
    from: '2026-03-02T10:00+08:00',
    expected: atResult('2026-03-02T10:00+08:00'),
  },
  {
    title: 'a full earlier day does not block today',
    s: { maxAttemptsPerDay: 1 },
    h: { attempts: 1, dayKey: '2026-03-01', dayAttempts: 1, lastEndedAt: at('2026-03-01T23:00+08:00') },
    from: '2026-03-02T10:00+08:00',
    expected: atResult('2026-03-02T10:00+08:00'),
  },
  {
    title: 'minAttemptInterval after the last end',
    s: { workingTime: win(['09:00', '12:00']), maxAttemptsPerDay: 5, minAttemptInterval: 10 },
    h: { attempts: 1, dayKey: '2026-03-02', dayAttempts: 1, lastEndedAt: at('2026-03-02T10:00:30+08:00') },
    from: '2026-03-02T10:00:30+08:00',
    expected: atResult('2026-03-02T10:10:30+08:00'),
  },
  {
    title: 'minAttemptInterval pushing past the window: the next window',
    s: { workingTime: win(['09:00', '12:00'], ['14:00', '16:00']), maxAttemptsPerDay: 5, minAttemptInterval: 10 },
    h: { attempts: 1, dayKey: '2026-03-02', dayAttempts: 1, lastEndedAt: at('2026-03-02T11:55+08:00') },
    from: '2026-03-02T11:55+08:00',
    expected: atResult('2026-03-02T14:00+08:00'),
  },
  {
    title: 'a fractional interval rounds up to the millisecond',
    s: { maxAttemptsPerDay: 5, minAttemptInterval: 0.5 },
    h: { attempts: 1, dayKey: '2026-03-02', dayAttempts: 1, lastEndedAt: at('2026-03-02T10:00+08:00') },
    from: '2026-03-02T10:00+08:00',
    expected: atResult('2026-03-02T10:00:30+08:00'),
  },
  {
    title: 'endTime reached: TimeUp',
    s: { workingTime: win(['09:00', '12:00']), endTime: at('2026-03-02T11:00+08:00') },
    from: '2026-03-02T11:00+08:00',
    expected: TIME_UP,
  },
  {
    title: 'no window before endTime: TimeUp',
    s: { workingTime: win(['09:00', '12:00']), endTime: at('2026-03-03T08:59:59+08:00') },
    from: '2026-03-02T12:30+08:00',
    expected: TIME_UP,
  },
  {
    title: 'the interval reaching past endTime: TimeUp',
    s: { endTime: at('2026-03-02T10:05+08:00'), minAttemptInterval: 10, maxAttemptsPerDay: 3 },
    h: { attempts: 1, dayKey: '2026-03-02', dayAttempts: 1, lastEndedAt: at('2026-03-02T10:00+08:00') },
    from: '2026-03-02T10:00+08:00',
    expected: TIME_UP,
  },
  {
    title: 'startTime in the future',
    s: { workingTime: win(['09:00', '12:00']), startTime: at('2026-03-05T10:20+08:00') },
    from: '2026-03-01T00:00+08:00',
    expected: atResult('2026-03-05T10:20+08:00'),
  },
  {
    title: 'startTime after the day’s window: the next day',
    s: { workingTime: win(['09:00', '12:00']), startTime: at('2026-03-05T13:00+08:00') },
    from: '2026-03-01T00:00+08:00',
    expected: atResult('2026-03-06T09:00+08:00'),
  },
  {
    title: 'no end, no maxAttempts: maxAttemptsPerDay attempts in all',
    s: { maxAttempts: undefined, maxAttemptsPerDay: 2, minAttemptInterval: 0 },
    h: { attempts: 2, dayKey: '2026-03-01', dayAttempts: 2, lastEndedAt: at('2026-03-01T10:00+08:00') },
    from: '2026-03-02T10:00+08:00',
    expected: EXHAUSTED,
  },
  {
    title: 'with an end and no maxAttempts: unlimited attempts',
    s: { maxAttempts: undefined, endTime: at('2027-01-01T00:00Z'), maxAttemptsPerDay: 2 },
    h: { attempts: 50, dayKey: '2026-03-01', dayAttempts: 2, lastEndedAt: at('2026-03-01T10:00+08:00') },
    from: '2026-03-02T10:00+08:00',
    expected: atResult('2026-03-02T10:00+08:00'),
  },
  {
    title: 'attempts exhausted is checked before TimeUp',
    s: { maxAttempts: 3, endTime: at('2026-03-01T00:00Z') },
    h: { attempts: 3, dayKey: '2026-02-28', dayAttempts: 1, lastEndedAt: at('2026-02-28T10:00+08:00') },
    from: '2026-03-02T10:00+08:00',
    expected: EXHAUSTED,
  },
  // Immediate.
  {
    title: 'immediate ignores windows and day rules',
    s: { repeatBy: 'immediate', repeatDays: [1], workingTime: win(['09:00', '12:00']) },
    from: '2026-03-03T03:00+08:00',
    expected: atResult('2026-03-03T03:00+08:00'),
  },
  {
    title: 'immediate keeps startTime, the interval, the per-day cap and holidays',
    s: {
      repeatBy: 'immediate',
      startTime: at('2026-03-02T00:00+08:00'),
      maxAttemptsPerDay: 1,
      holidays: [{ begin: '2026-03-03T00:00:00', end: '2026-03-03T08:00:00' }],
    },
    h: { attempts: 1, dayKey: '2026-03-02', dayAttempts: 1, lastEndedAt: at('2026-03-02T23:00+08:00') },
    from: '2026-03-02T23:00+08:00',
    expected: atResult('2026-03-03T08:00+08:00'),
  },
  // DST: America/New_York (2026-03-08 02:00 → 03:00; 2026-11-01 02:00 → 01:00).
  {
    title: 'New York spring-forward: a 02:00–03:00 window does not exist that day',
    zone: NY,
    s: { workingTime: win(['02:00', '03:00']) },
    from: '2026-03-08T00:00-05:00',
    expected: atResult('2026-03-09T02:00-04:00'),
  },
  {
    title: 'New York spring-forward: a 02:30–04:00 window opens at 03:00 EDT',
    zone: NY,
    s: { workingTime: win(['02:30', '04:00']) },
    from: '2026-03-08T00:00-05:00',
    expected: atResult('2026-03-08T03:00-04:00'),
  },
  {
    title: 'New York spring-forward: 01:30–02:30 ends at the jump',
    zone: NY,
    s: { workingTime: win(['01:30', '02:30']) },
    from: '2026-03-08T03:00-04:00',
    expected: atResult('2026-03-09T01:30-04:00'),
  },
  {
    title: 'New York fall-back: the first 01:00',
    zone: NY,
    s: { workingTime: win(['01:00', '02:00']) },
    from: '2026-11-01T00:00-04:00',
    expected: atResult('2026-11-01T01:00-04:00'),
  },
  {
    title: 'New York fall-back: after the first 01:00–02:00, the repeated one',
    zone: NY,
    s: { workingTime: win(['01:00', '02:00']) },
    from: '2026-11-01T02:00-04:00', // = 01:00 EST, the second pass begins
    expected: atResult('2026-11-01T01:00-05:00'),
  },
  {
    title: 'New York fall-back: 00:30–01:15 reopens at the transition',
    zone: NY,
    s: { workingTime: win(['00:30', '01:15']) },
    from: '2026-11-01T01:20-04:00',
    expected: atResult('2026-11-01T01:00-05:00'),
  },
  {
    title: 'New York fall-back: a whole-day strategy keeps the day',
    zone: NY,
    s: { repeatBy: 'week', repeatDays: [0] }, // 2026-11-01 is a Sunday
    from: '2026-11-01T23:59-05:00',
    expected: atResult('2026-11-01T23:59-05:00'),
  },
  // DST: Europe/Berlin (2026-03-29 02:00 → 03:00; 2026-10-25 03:00 → 02:00).
  {
    title: 'Berlin spring-forward: 02:00–03:00 is skipped that day',
    zone: BER,
    s: { workingTime: win(['02:00', '03:00']) },
    from: '2026-03-29T00:00+01:00',
    expected: atResult('2026-03-30T02:00+02:00'),
  },
  {
    title: 'Berlin spring-forward: 02:00–03:30 opens at 03:00 CEST',
    zone: BER,
    s: { workingTime: win(['02:00', '03:30']) },
    from: '2026-03-29T00:00+01:00',
    expected: atResult('2026-03-29T03:00+02:00'),
  },
  {
    title: 'Berlin fall-back: the earliest real 02:00',
    zone: BER,
    s: { workingTime: win(['02:00', '03:00']) },
    from: '2026-10-25T00:00+02:00',
    expected: atResult('2026-10-25T02:00+02:00'),
  },
  {
    title: 'Berlin fall-back: the repeated 02:00 after the first has passed',
    zone: BER,
    s: { workingTime: win(['02:00', '03:00']), maxAttemptsPerDay: 2, minAttemptInterval: 50 },
    h: { attempts: 1, dayKey: '2026-10-25', dayAttempts: 1, lastEndedAt: at('2026-10-25T02:15+02:00') },
    from: '2026-10-25T02:15+02:00',
    expected: atResult('2026-10-25T02:05+01:00'),
  },
  // Half-hour zones.
  {
    title: 'Asia/Kolkata (UTC+5:30) window',
    zone: 'Asia/Kolkata',
    s: { workingTime: win(['09:00', '10:00']) },
    from: '2026-01-05T00:00Z',
    expected: atResult('2026-01-05T09:00+05:30'),
  },
  {
    title: 'Asia/Kolkata holiday in wall-clock time',
    zone: 'Asia/Kolkata',
    s: {
      workingTime: win(['09:00', '18:00']),
      holidays: [{ begin: '2026-01-05T00:00:00', end: '2026-01-05T13:45:00' }],
    },
    from: '2026-01-05T00:00Z',
    expected: atResult('2026-01-05T13:45+05:30'),
  },
  // Australia/Lord_Howe: 30-minute DST (2026-04-05 02:00 → 01:30; 2026-10-04 02:00 → 02:30).
  {
    title: 'Lord Howe spring-forward: 02:00–02:30 does not exist',
    zone: LH,
    s: { workingTime: win(['02:00', '02:30']) },
    from: '2026-10-04T00:00+10:30',
    expected: atResult('2026-10-05T02:00+11:00'),
  },
  {
    title: 'Lord Howe spring-forward: 02:15–03:00 opens at 02:30',
    zone: LH,
    s: { workingTime: win(['02:15', '03:00']) },
    from: '2026-10-04T00:00+10:30',
    expected: atResult('2026-10-04T02:30+11:00'),
  },
  {
    title: 'Lord Howe fall-back: the first 01:30',
    zone: LH,
    s: { workingTime: win(['01:30', '02:00']) },
    from: '2026-04-05T00:00+11:00',
    expected: atResult('2026-04-05T01:30+11:00'),
  },
  {
    title: 'Lord Howe fall-back: the repeated 01:30',
    zone: LH,
    s: { workingTime: win(['01:30', '02:00']) },
    from: '2026-04-05T02:00+11:00',
    expected: atResult('2026-04-05T01:30+10:30'),
  },
  // America/Santiago springs forward at midnight (2026-09-06 00:00 → 01:00).
  {
    title: 'Santiago: a day without midnight starts at 01:00',
    zone: 'America/Santiago',
    s: { maxAttemptsPerDay: 1 },
    h: { attempts: 1, dayKey: '2026-09-05', dayAttempts: 1, lastEndedAt: at('2026-09-05T12:00-04:00') },
    from: '2026-09-05T12:00-04:00',
    expected: atResult('2026-09-06T01:00-03:00'),
  },
];

describe('nextAttemptAt', () => {
  for (const c of cases) {
    it(c.title, () => {
      const zone = c.zone ?? SH;
      const s = strategy(c.s);
      const h = history(c.h);
      const from = at(c.from);
      const result = nextAttemptAt(s, zone, h, from);
      expect(result.kind === 'at' ? { ...result, iso: new Date(result.at).toISOString() } : result).toEqual(
        c.expected.kind === 'at' ? { ...c.expected, iso: new Date(c.expected.at).toISOString() } : c.expected,
      );
      if (result.kind === 'at') {
        expect(mayDial(s, zone, h, result.at)).toBe(true);
        if (result.at > from) expect(mayDial(s, zone, h, result.at - 1)).toBe(false);
      }
    });
  }

  it('throws on an unknown zone', () => {
    expect(() => nextAttemptAt(strategy(), 'Mars/Olympus_Mons', emptyHistory(), 0)).toThrow(OutdialError);
  });

  it('is fast: well under 50 µs per call on typical strategies', () => {
    const s = strategy({
      repeatBy: 'week',
      repeatDays: [1, 2, 3, 4, 5],
      workingTime: win(['09:00', '12:00'], ['14:00', '18:00']),
      holidays: [{ begin: '2026-05-01T00:00:00', end: '2026-05-06T00:00:00' }],
      maxAttemptsPerDay: 3,
      minAttemptInterval: 10,
    });
    const zones = [SH, NY, BER];
    const start = at('2026-03-01T00:00Z');
    const n = 20_000;
    const run = (): number => {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const from = start + ((i * 7_919_000) % (90 * 86_400_000));
        const h = { attempts: 1, dayKey: '2026-03-02', dayAttempts: i % 4, lastEndedAt: from - 60_000 };
        nextAttemptAt(s, zones[i % 3]!, h, from);
      }
      return ((performance.now() - t0) * 1000) / n;
    };
    run(); // warm-up: the zone offsets of these days get memoised
    expect(run()).toBeLessThan(50);
  });
});

describe('localDayKey and recordAttempt', () => {
  it('localDayKey reads the day in the zone', () => {
    const t = at('2026-03-01T20:00Z');
    expect(localDayKey(t, 'UTC')).toBe('2026-03-01');
    expect(localDayKey(t, SH)).toBe('2026-03-02');
    expect(localDayKey(t, 'America/Los_Angeles')).toBe('2026-03-01');
    expect(localDayKey(at('2026-03-01T23:59:59.999+08:00'), SH)).toBe('2026-03-01');
    expect(localDayKey(t, 'Asia/Kolkata')).toBe(DateTime.fromMillis(t, { zone: 'Asia/Kolkata' }).toISODate());
  });
  it('recordAttempt counts per local day of the start', () => {
    let h = emptyHistory();
    h = recordAttempt(h, SH, at('2026-03-02T23:50+08:00'), at('2026-03-03T00:02+08:00'));
    expect(h).toEqual({ attempts: 1, dayKey: '2026-03-02', dayAttempts: 1, lastEndedAt: at('2026-03-03T00:02+08:00') });
    h = recordAttempt(h, SH, at('2026-03-02T23:55+08:00'), at('2026-03-02T23:56+08:00'));
    expect(h).toMatchObject({ attempts: 2, dayKey: '2026-03-02', dayAttempts: 2 });
    const before = { ...h };
    const next = recordAttempt(h, SH, at('2026-03-03T09:00+08:00'), at('2026-03-03T09:01+08:00'));
    expect(next).toEqual({
      attempts: 3,
      dayKey: '2026-03-03',
      dayAttempts: 1,
      lastEndedAt: at('2026-03-03T09:01+08:00'),
    });
    expect(h).toEqual(before);
  });
});
