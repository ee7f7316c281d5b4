import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { emptyHistory } from '../../../src/core/strategy/emptyHistory.js';
import { nextAttemptAt } from '../../../src/core/strategy/nextAttemptAt.js';
import { recordAttempt } from '../../../src/core/strategy/recordAttempt.js';
import type { AttemptHistory, DailyWindow, Holiday, RepeatBy, Strategy } from '../../../src/core/strategy/types.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const ZONES = [
  'UTC',
  'Asia/Shanghai',
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'America/Santiago',
  'Pacific/Chatham',
];

/** 2026's DST changes (local dates) of the zones above that have DST. */
const DST_CHANGES: [string, string][] = [
  ['America/New_York', '2026-03-08'],
  ['America/New_York', '2026-11-01'],
  ['America/St_Johns', '2026-03-08'],
  ['America/St_Johns', '2026-11-01'],
  ['Europe/Berlin', '2026-03-29'],
  ['Europe/Berlin', '2026-10-25'],
  ['Australia/Lord_Howe', '2026-04-05'],
  ['Australia/Lord_Howe', '2026-10-04'],
  ['America/Santiago', '2026-04-05'],
  ['America/Santiago', '2026-09-06'],
  ['Pacific/Chatham', '2026-04-05'],
  ['Pacific/Chatham', '2026-09-27'],
];

// ---------------------------------------------------------------------------------------------
// An independent oracle: Luxon's DateTime, no shared code with the engine.

/** The total-attempt rule as documented in parseStrategy / totalAttemptCap. */
const capOf = (s: Strategy): number => s.maxAttempts ?? (s.endTime === undefined ? s.maxAttemptsPerDay : Infinity);

interface Local {
  day: string;
  wall: string;
  weekday: number;
  dayOfMonth: number;
  secondOfDay: number;
}

function local(t: number, zone: string): Local {
  const dt = DateTime.fromMillis(t, { zone });
  return {
    day: dt.toISODate()!,
    wall: dt.toISO({ includeOffset: false })!,
    weekday: dt.weekday % 7,
    dayOfMonth: dt.day,
    secondOfDay: dt.hour * 3600 + dt.minute * 60 + dt.second + dt.millisecond / 1000,
  };
}

/** The calendar rules alone: day, window, holiday. */
function calendarAllows(s: Strategy, l: Local): boolean {
  for (const h of s.holidays) if (l.wall >= `${h.begin}.000` && l.wall < `${h.end}.000`) return false;
  if (s.repeatBy === 'immediate') return true;
  if (s.repeatBy === 'week' && !s.repeatDays.includes(l.weekday)) return false;
  if (s.repeatBy === 'month' && !s.repeatDays.includes(l.dayOfMonth)) return false;
  return s.workingTime.length === 0 || s.workingTime.some((w) => l.secondOfDay >= w.begin && l.secondOfDay < w.end);
}

/** Whether the job may be dialled at t, asked at `from`. */
function oracle(s: Strategy, zone: string, h: AttemptHistory, from: number, t: number): boolean {
  if (t < from) return false;
  if (s.startTime !== undefined && t < s.startTime) return false;
  if (s.endTime !== undefined && t >= s.endTime) return false;
  if (h.lastEndedAt !== null && t < h.lastEndedAt + s.minAttemptInterval * MIN) return false;
  if (h.attempts >= capOf(s)) return false;
  const l = local(t, zone);
  if (l.day === h.dayKey && h.dayAttempts >= s.maxAttemptsPerDay) return false;
  return calendarAllows(s, l);
}

/**
 * The first allowed instant in [from, until) by brute force: every whole UTC minute, plus the instants
 * that need not be whole minutes (from, startTime, lastEndedAt + interval). Windows, holidays and zone
 * offsets here are whole minutes, so every allowed stretch starts at one of these.
 */
function scanFirstAllowed(s: Strategy, zone: string, h: AttemptHistory, from: number, until: number): number | null {
  const special = [from, s.startTime, h.lastEndedAt === null ? undefined : h.lastEndedAt + s.minAttemptInterval * MIN];
  let best: number | null = null;
  for (const p of special) {
    if (p !== undefined && p >= from && p < until && oracle(s, zone, h, from, p) && (best === null || p < best))
      best = p;
  }
  for (let t = Math.ceil(from / MIN) * MIN; t < until && (best === null || t < best); t += MIN) {
    if (oracle(s, zone, h, from, t)) return t;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Generators.

const BASE = Date.parse('2026-01-01T00:00:00Z');
const QUARTER = 15 * MIN;

const byValue = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

const wallString = (wallMs: number): string => new Date(wallMs).toISOString().slice(0, 19);

/** Sorted distinct points (seconds of the day) paired into 0–3 non-overlapping windows. */
const toWindows = (points: number[]): DailyWindow[] => {
  const sorted = [...points].sort((a, b) => a - b);
  const out: DailyWindow[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ begin: sorted[i]!, end: sorted[i + 1]! });
  return out;
};

/** Windows on half-hour or minute boundaries (24:00 possible), or around the small hours where DST changes. */
const windowsArb: fc.Arbitrary<DailyWindow[]> = fc
  .oneof(
    fc.uniqueArray(fc.integer({ min: 0, max: 48 }), { maxLength: 6 }).map((xs) => xs.map((x) => x * 1800)),
    fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 }).map((xs) => xs.map((x) => x * 60)),
    fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 6 }).map((xs) => xs.map((x) => x * 900)),
  )
  .map(toWindows);

/** A zone and a reference instant: anywhere in 2026, or within a day and a half of one of its DST changes. */
const anchorArb: fc.Arbitrary<{ zone: string; anchor: number }> = fc.oneof(
  fc.record({
    zone: fc.constantFrom(...ZONES),
    anchor: fc.integer({ min: 0, max: 330 * DAY }).map((d) => BASE + d),
  }),
  fc
    .tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -36 * HOUR, max: 36 * HOUR }))
    .map(([[zone, day], delta]) => ({ zone, anchor: Date.parse(`${day}T00:00:00Z`) + delta })),
);

function holidaysArb(anchor: number): fc.Arbitrary<Holiday[]> {
  return fc.array(
    fc
      .tuple(fc.integer({ min: -3 * 24 * 60, max: 10 * 24 * 60 }), fc.integer({ min: 30, max: 3 * 24 * 60 }))
      .map(([startMin, lengthMin]) => {
        const begin = Math.floor(anchor / MIN) * MIN + startMin * MIN;
        return { begin: wallString(begin), end: wallString(begin + lengthMin * MIN) };
      }),
    { maxLength: 2 },
  );
}

interface Scenario {
  zone: string;
  s: Strategy;
  from: number;
}

/** A valid strategy around an anchor, and a `from` near it. `span` bounds endTime - anchor. */
function scenarioArb(span: { min: number; max: number }): fc.Arbitrary<Scenario> {
  return anchorArb.chain(({ zone, anchor }) =>
    fc
      .record({
        repeatBy: fc.constantFrom<RepeatBy>('immediate', 'once', 'day', 'week', 'month'),
        weekDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        monthDays: fc.oneof(
          fc.uniqueArray(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 6 }),
          fc.constant<number[]>([31]),
        ),
        workingTime: windowsArb,
        holidays: holidaysArb(anchor),
        startOffset: fc.option(fc.integer({ min: -5 * DAY, max: 5 * DAY }), { nil: undefined }),
        endOffset: fc.option(fc.integer(span), { nil: undefined }),
        maxAttemptsPerDay: fc.integer({ min: 1, max: 5 }),
        minAttemptInterval: fc.integer({ min: 0, max: 180 }),
        maxAttempts: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined, freq: 3 }),
        snap: fc.boolean(),
        fromOffset: fc.oneof(
          fc.integer({ min: -2 * DAY, max: 3 * DAY }),
          fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
        ),
      })
      .map((r) => {
        const s: Strategy = {
          repeatBy: r.repeatBy,
          repeatDays: r.repeatBy === 'week' ? byValue(r.weekDays) : r.repeatBy === 'month' ? byValue(r.monthDays) : [],
          workingTime: r.workingTime,
          holidays: r.holidays,
          maxAttemptsPerDay: r.maxAttemptsPerDay,
          minAttemptInterval: r.minAttemptInterval,
        };
        if (r.startOffset !== undefined) s.startTime = anchor + r.startOffset;
        if (r.endOffset !== undefined) s.endTime = Math.max(anchor + r.endOffset, (s.startTime ?? 0) + 1);
        if (r.maxAttempts !== undefined) s.maxAttempts = r.maxAttempts;
        return {
          zone,
          s,
          from: r.snap ? Math.round((anchor + r.fromOffset) / QUARTER) * QUARTER : anchor + r.fromOffset,
        };
      }),
  );
}

function historyArb(sc: Scenario): fc.Arbitrary<AttemptHistory> {
  return fc.oneof(
    fc.constant(emptyHistory()),
    fc
      .record({
        attempts: fc.integer({ min: 1, max: 12 }),
        dayDelta: fc.integer({ min: -2, max: 1 }),
        dayAttempts: fc.integer({ min: 1, max: 5 }),
        endedDelta: fc.integer({ min: -4 * HOUR, max: HOUR }),
      })
      .map((r) => ({
        attempts: r.attempts,
        dayKey: DateTime.fromMillis(sc.from, { zone: sc.zone }).plus({ days: r.dayDelta }).toISODate(),
        dayAttempts: r.dayAttempts,
        lastEndedAt: sc.from + r.endedDelta,
      })),
  );
}

const withHistory = (span: { min: number; max: number }) =>
  scenarioArb(span).chain((sc) => historyArb(sc).map((h) => ({ ...sc, h })));

const describeCase = (x: { zone: string; s: Strategy; from: number; h?: AttemptHistory }) =>
  JSON.stringify({ ...x, fromIso: new Date(x.from).toISOString() });

// ---------------------------------------------------------------------------------------------

describe('nextAttemptAt properties', () => {
  it('a returned instant is allowed, and nothing earlier is (brute force over the first day)', () => {
    fc.assert(
      fc.property(withHistory({ min: HOUR, max: 90 * DAY }), ({ zone, s, from, h }) => {
        const r = nextAttemptAt(s, zone, h, from);
        if (h.attempts >= capOf(s)) {
          expect(r).toEqual({ kind: 'never', reason: 'AttemptsExhausted' });
          return;
        }
        expect(r.kind === 'never' && r.reason === 'AttemptsExhausted').toBe(false);
        if (r.kind === 'at') {
          expect(oracle(s, zone, h, from, r.at), `${describeCase({ zone, s, from, h })} at ${r.at}`).toBe(true);
          const until = Math.min(r.at + 1, from + DAY);
          const first = scanFirstAllowed(s, zone, h, from, until);
          expect(first, describeCase({ zone, s, from, h })).toBe(r.at < from + DAY ? r.at : null);
        } else {
          expect(s.endTime).toBeDefined();
          const until = Math.min(s.endTime!, from + DAY);
          expect(scanFirstAllowed(s, zone, h, from, until), describeCase({ zone, s, from, h })).toBeNull();
        }
      }),
      {
        numRuns: 250,
        // A job due exactly one day after `from` (the scan's end) once counted as "found within the day".
        examples: [
          [
            {
              zone: 'Europe/Berlin',
              s: {
                repeatBy: 'once',
                repeatDays: [],
                workingTime: [{ begin: 3600, end: 4500 }],
                holidays: [],
                maxAttemptsPerDay: 4,
                minAttemptInterval: 0,
                endTime: 1792972800001,
              },
              from: 1792886400000,
              h: { attempts: 1, dayKey: '2026-10-25', dayAttempts: 1, lastEndedAt: 1792886400000 },
            },
          ],
        ],
      },
    );
  });

  it('TimeUp means no allowed instant before endTime (brute force, short ranges)', () => {
    fc.assert(
      fc.property(withHistory({ min: -DAY, max: 2 * DAY }), ({ zone, s, from, h }) => {
        const r = nextAttemptAt(s, zone, h, from);
        const until = s.endTime ?? from + 3 * DAY;
        const first = until - from <= 3 * DAY ? scanFirstAllowed(s, zone, h, from, until) : undefined;
        if (r.kind === 'never' && r.reason === 'TimeUp') {
          if (first !== undefined) expect(first, describeCase({ zone, s, from, h })).toBeNull();
        } else if (r.kind === 'at' && first !== undefined) {
          expect(first, describeCase({ zone, s, from, h })).toBe(r.at < until ? r.at : null);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('around DST changes: the first allowed instant, by brute force', () => {
    const arb = fc
      .record({
        change: fc.constantFrom(...DST_CHANGES),
        fromOffset: fc.integer({ min: -14 * 60, max: 30 * 60 }),
        windows: fc
          .uniqueArray(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 6 })
          .map((xs) => toWindows(xs.map((x) => x * 900))),
        lastEnded: fc.option(fc.integer({ min: -3 * HOUR, max: 0 }), { nil: undefined }),
        minAttemptInterval: fc.integer({ min: 0, max: 120 }),
        dayFull: fc.boolean(),
      })
      .map(({ change: [zone, day], fromOffset, windows, lastEnded, minAttemptInterval, dayFull }) => {
        const from = Date.parse(`${day}T00:00:00Z`) + fromOffset * MIN;
        const s: Strategy = {
          repeatBy: 'once',
          repeatDays: [],
          workingTime: windows,
          holidays: [],
          maxAttemptsPerDay: 2,
          minAttemptInterval,
          endTime: from + 2 * DAY,
        };
        const h: AttemptHistory =
          lastEnded === undefined
            ? emptyHistory()
            : {
                attempts: dayFull ? 2 : 1,
                dayKey: DateTime.fromMillis(from + lastEnded, { zone }).toISODate(),
                dayAttempts: dayFull ? 2 : 1,
                lastEndedAt: from + lastEnded,
              };
        return { zone, s, from, h };
      });
    fc.assert(
      fc.property(arb, ({ zone, s, from, h }) => {
        const r = nextAttemptAt(s, zone, h, from);
        const first = scanFirstAllowed(s, zone, h, from, s.endTime!);
        expect(r, describeCase({ zone, s, from, h })).toEqual(
          first === null ? { kind: 'never', reason: 'TimeUp' } : { kind: 'at', at: first },
        );
      }),
      { numRuns: 150 },
    );
  });

  it('a simulated run of attempts keeps every rule', () => {
    const steps = fc.array(
      fc.record({ duration: fc.integer({ min: 0, max: 300_000 }), idle: fc.integer({ min: 0, max: 3 * HOUR }) }),
      { minLength: 1, maxLength: 15 },
    );
    fc.assert(
      fc.property(scenarioArb({ min: HOUR, max: 40 * DAY }), steps, ({ zone, s, from }, plan) => {
        const ctx = describeCase({ zone, s, from });
        let h = emptyHistory();
        let now = from;
        let lastEnd: number | null = null;
        let total = 0;
        const perDay = new Map<string, number>();
        for (const step of plan) {
          const r = nextAttemptAt(s, zone, h, now);
          if (r.kind === 'never') {
            if (r.reason === 'AttemptsExhausted') expect(total, ctx).toBeGreaterThanOrEqual(capOf(s));
            else {
              expect(total, ctx).toBeLessThan(capOf(s));
              expect(s.endTime, ctx).toBeDefined();
              if (s.endTime! - now <= DAY) expect(scanFirstAllowed(s, zone, h, now, s.endTime!), ctx).toBeNull();
            }
            return;
          }
          const t = r.at;
          const l = local(t, zone);
          expect(t, ctx).toBeGreaterThanOrEqual(now);
          if (s.startTime !== undefined) expect(t, ctx).toBeGreaterThanOrEqual(s.startTime);
          if (s.endTime !== undefined) expect(t, ctx).toBeLessThan(s.endTime);
          if (lastEnd !== null) expect(t - lastEnd, ctx).toBeGreaterThanOrEqual(s.minAttemptInterval * MIN);
          expect(calendarAllows(s, l), `${ctx} at ${new Date(t).toISOString()} = ${l.wall}`).toBe(true);
          expect(total, ctx).toBeLessThan(capOf(s));
          const today = perDay.get(l.day) ?? 0;
          expect(today, `${ctx} day ${l.day}`).toBeLessThan(s.maxAttemptsPerDay);
          perDay.set(l.day, today + 1);
          total++;
          h = recordAttempt(h, zone, t, t + step.duration);
          lastEnd = t + step.duration;
          now = lastEnd + step.idle;
        }
      }),
      { numRuns: 300 },
    );
  });
});
