import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkDial } from '../../../src/core/policy/checkDial.js';
import { effectivePolicy } from '../../../src/core/policy/effectivePolicy.js';
import { PRESETS } from '../../../src/core/policy/presets.js';
import {
  type ClockWindow,
  type EffectivePolicy,
  type NumberFacts,
  POLICY_PRESETS,
  type PolicySettings,
  type Verdict,
} from '../../../src/core/policy/types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Australia/Adelaide',
  'Asia/Kathmandu',
  'Asia/Shanghai',
  'America/Los_Angeles',
  'Pacific/Honolulu',
  'UTC',
];
/** 2026's DST changes (local dates) of the zones above. */
const DST_CHANGES: [string, string][] = [
  ['America/New_York', '2026-03-08'],
  ['America/New_York', '2026-11-01'],
  ['Europe/Berlin', '2026-03-29'],
  ['Europe/Berlin', '2026-10-25'],
  ['Australia/Adelaide', '2026-04-05'],
  ['Australia/Adelaide', '2026-10-04'],
];

// ---------------------------------------------------------------------------------------------
// A brute-force oracle: every rule checked on its own at one instant, local time from Luxon.

interface Period {
  days: number[];
  windows: ClockWindow[];
}
/** The rules to hold, each as a list: a dial must satisfy every entry of every list. */
interface Rules {
  periods: Period[];
  perLocalDay: number[];
  per24h: number[];
  per7Days: number[];
  bursts: { count: number; minutes: number }[];
  perJob: number[];
  quietDays: number[];
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Each contributor's rules as given (the presets' values and the settings), nothing merged. */
function rulesOfContributors(settings: PolicySettings): Rules {
  const all = [...settings.presets.map((p) => PRESETS[p].settings), settings];
  const list = <T>(pick: (s: (typeof all)[number]) => T | undefined): T[] =>
    all.map(pick).filter((v): v is T => v !== undefined);
  return {
    periods: list((s) => s.basePeriod),
    perLocalDay: list((s) => s.perNumber?.perLocalDay),
    per24h: list((s) => s.perNumber?.per24h),
    per7Days: list((s) => s.perNumber?.per7Days),
    bursts: list((s) => s.perNumber?.burst),
    perJob: list((s) => s.perJobPerDay),
    quietDays: list((s) => s.quietDaysAfterConversation),
  };
}

/** The merged policy's rules, one value each. */
function rulesOfPolicy(p: EffectivePolicy): Rules {
  const one = <T>(v: T | null): T[] => (v === null ? [] : [v]);
  return {
    periods: one(p.basePeriod),
    perLocalDay: one(p.perNumber.perLocalDay),
    per24h: one(p.perNumber.per24h),
    per7Days: one(p.perNumber.per7Days),
    bursts: one(p.perNumber.burst),
    perJob: one(p.perJobPerDay),
    quietDays: [p.quietDaysAfterConversation],
  };
}

/**
 * Local wall-clock ms of t in zone, from Luxon's own zone offsets. Cached per UTC hour when the offset is
 * the same at both ends of that hour (offsets never change twice within an hour), else asked directly.
 */
const hourOffsets = new Map<string, Map<number, number | null>>();
function localMs(t: number, zone: string): number {
  let byHour = hourOffsets.get(zone);
  if (byHour === undefined) {
    byHour = new Map();
    hourOffsets.set(zone, byHour);
  }
  const hour = Math.floor(t / HOUR);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const z = IANAZone.create(zone);
    const start = z.offset(hour * HOUR);
    offset = start === z.offset(hour * HOUR + HOUR - 1) ? start : null;
    byHour.set(hour, offset);
  }
  return t + (offset ?? IANAZone.create(zone).offset(t)) * MINUTE;
}

const weekdays = new Map<number, number>();
/** Weekday (0 = Sunday) of a day number, as Luxon's calendar says. */
function weekdayOf(day: number): number {
  let w = weekdays.get(day);
  if (w === undefined) {
    w = DateTime.fromMillis(day * DAY, { zone: 'UTC' }).weekday % 7;
    weekdays.set(day, w);
  }
  return w;
}

function openIn(period: Period, zone: string, t: number): boolean {
  const local = localMs(t, zone);
  const day = Math.floor(local / DAY);
  if (!period.days.includes(weekdayOf(day))) return false;
  const m = (local - day * DAY) / MINUTE;
  return period.windows.some((w) => m >= minutesOf(w.begin) && m < minutesOf(w.end));
}

/** Local calendar day (days since 1970-01-01) of t in zone. */
const localDay = (t: number, zone: string): number => Math.floor(localMs(t, zone) / DAY);

/** A dial at d counts for a window of `span` at t when t - span <= d (the documented closed window). */
const inLast = (dials: number[], span: number, t: number): number => dials.filter((d) => d >= t - span).length;

/** The rule kinds that forbid a dial at t (empty: the dial may go). */
function blocking(rules: Rules, zones: string[], t: number, f: NumberFacts): string[] {
  const out: string[] = [];
  const home = zones[0]!;
  for (const limit of rules.per24h) if (inLast(f.recentDials, DAY, t) >= limit) out.push('per24h');
  for (const limit of rules.per7Days) if (inLast(f.recentDials, 7 * DAY, t) >= limit) out.push('per7Days');
  for (const b of rules.bursts) if (inLast(f.recentDials, b.minutes * MINUTE, t) >= b.count) out.push('burst');
  for (const q of rules.quietDays) {
    if (q > 0 && f.lastAnsweredAt !== null && t < f.lastAnsweredAt + q * DAY) out.push('quiet');
  }
  if (out.length > 0) return out; // the cheap rules already forbid it
  if (rules.perLocalDay.length > 0 || rules.perJob.length > 0) {
    const today = localDay(t, home);
    const sameDay = (ds: number[]) => ds.filter((d) => localDay(d, home) === today).length;
    for (const limit of rules.perLocalDay) if (sameDay(f.recentDials) >= limit) out.push('perLocalDay');
    for (const limit of rules.perJob) if (sameDay(f.jobDials) >= limit) out.push('perJob');
  }
  for (const period of rules.periods) if (!zones.every((z) => openIn(period, z, t))) out.push('basePeriod');
  return out;
}

function expectedRefusal(settings: PolicySettings, now: number, f: NumberFacts): string | null {
  const useGlobal = settings.useGlobalBlockList !== false;
  if (f.blocked !== null && (f.blocked.scope === 'instance' || useGlobal)) return 'ContactBlockList';
  if (settings.allowListOnly === true && !f.allowed) return 'ContactBlockList';
  const days = settings.emptyNumberDays ?? 0;
  if (days > 0 && f.emptyAt !== null && now - f.emptyAt < days * DAY) return 'EmptyNumber';
  return null;
}

/** Instants in [from, to) where a dial could first become possible: every whole UTC minute, and the moments counted dials leave a window or a quiet period ends. */
function candidates(from: number, to: number, f: NumberFacts, rules: Rules): number[] {
  const out = [from];
  for (let t = Math.ceil(from / MINUTE) * MINUTE; t < to; t += MINUTE) out.push(t);
  const spans = [DAY, 7 * DAY, ...rules.bursts.map((b) => b.minutes * MINUTE)];
  for (const d of f.recentDials) for (const s of spans) out.push(d + s + 1);
  for (const q of rules.quietDays) if (f.lastAnsweredAt !== null) out.push(f.lastAnsweredAt + q * DAY);
  return out.filter((t) => t >= from && t < to);
}

// ---------------------------------------------------------------------------------------------
// Generators.

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const windowsArb = fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 6 }).map((edges) => {
  const sorted = [...edges].sort((a, b) => a - b);
  const windows: ClockWindow[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) windows.push({ begin: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
  return windows;
});
const periodArb = fc.record({
  days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }).map((d) => d.sort()),
  windows: windowsArb,
});

const settingsArb: fc.Arbitrary<PolicySettings> = fc.record(
  {
    presets: fc.subarray([...POLICY_PRESETS]),
    basePeriod: periodArb,
    perNumber: fc.record(
      {
        perLocalDay: fc.integer({ min: 1, max: 6 }),
        per24h: fc.integer({ min: 1, max: 8 }),
        per7Days: fc.integer({ min: 1, max: 14 }),
        burst: fc.record({ count: fc.integer({ min: 1, max: 4 }), minutes: fc.integer({ min: 1, max: 90 }) }),
      },
      { requiredKeys: [] },
    ),
    perJobPerDay: fc.integer({ min: 1, max: 4 }),
    emptyNumberDays: fc.integer({ min: 0, max: 10 }),
    quietDaysAfterConversation: fc.integer({ min: 0, max: 8 }),
    allowListOnly: fc.boolean(),
    useGlobalBlockList: fc.boolean(),
  },
  { requiredKeys: ['presets'] },
);

const zonesArb = fc.uniqueArray(fc.constantFrom(...ZONES), { minLength: 1, maxLength: 3 });

/** Mostly within three days of a DST change, sometimes anywhere in 2026. */
const nowArb = fc.oneof(
  fc
    .tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -3 * DAY, max: 3 * DAY }))
    .map(([[zone, date], shift]) => DateTime.fromISO(date, { zone }).toMillis() + shift),
  fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }),
);

const factsArb = (now: number): fc.Arbitrary<NumberFacts> =>
  fc
    .record({
      recentDials: fc.array(fc.oneof(fc.integer({ min: 0, max: 2 * HOUR }), fc.integer({ min: 0, max: 8 * DAY })), {
        maxLength: 20,
      }),
      jobDials: fc.array(fc.integer({ min: 0, max: 2 * DAY }), { maxLength: 6 }),
      answered: fc.option(fc.integer({ min: 0, max: 10 * DAY })),
      empty: fc.option(fc.integer({ min: 0, max: 15 * DAY }), { freq: 4 }),
      blocked: fc.option(
        fc.record({
          pattern: fc.constant('+1*'),
          scope: fc.constantFrom('instance' as const, 'global' as const),
          reason: fc.constant(''),
        }),
        { freq: 8 },
      ),
      allowed: fc.boolean(),
    })
    .map((r) => ({
      recentDials: r.recentDials.map((back) => now - back),
      jobDials: r.jobDials.map((back) => now - back),
      lastAnsweredAt: r.answered === null ? null : now - r.answered,
      emptyAt: r.empty === null ? null : now - r.empty,
      blocked: r.blocked,
      allowed: r.allowed,
    }));

const caseArb = fc
  .tuple(settingsArb, zonesArb, nowArb)
  .chain(([settings, zones, now]) => factsArb(now).map((facts) => ({ settings, zones, now, facts })));

const dial = (policy: EffectivePolicy, now: number, zones: string[], facts: NumberFacts): Verdict =>
  checkDial(policy, { now, number: '+12125550123', zone: zones }, facts);

describe('checkDial (properties)', () => {
  it('refuses exactly when a refusal rule applies, allows only dials no rule forbids, defers only when one does', () => {
    fc.assert(
      fc.property(caseArb, ({ settings, zones, now, facts }) => {
        const v = dial(effectivePolicy(settings), now, zones, facts);
        const refusal = expectedRefusal(settings, now, facts);
        if (refusal !== null) {
          expect(v).toMatchObject({ kind: 'refuse', reason: refusal });
          return;
        }
        expect(v.kind).not.toBe('refuse');
        const blockers = blocking(rulesOfContributors(settings), zones, now, facts);
        if (v.kind === 'allow') expect(blockers).toEqual([]);
        else expect(blockers.length).toBeGreaterThan(0);
      }),
      { numRuns: 600 },
    );
  });

  it('defers to an instant where nothing forbids the dial, and no earlier instant is allowed', () => {
    fc.assert(
      fc.property(caseArb, ({ settings, zones, now, facts }) => {
        const policy = effectivePolicy(settings);
        const v = dial(policy, now, zones, facts);
        if (v.kind !== 'defer') return;
        expect(v.until).toBeGreaterThan(now);
        expect(v.rule.length).toBeGreaterThan(0);
        const merged = rulesOfPolicy(policy);
        if (!v.rule.includes('not open within 14 days')) {
          expect(blocking(merged, zones, v.until, facts)).toEqual([]);
          expect(blocking(rulesOfContributors(settings), zones, v.until, facts)).toEqual([]);
          expect(dial(policy, v.until, zones, facts)).toEqual({ kind: 'allow' });
        }
        const earlier = candidates(now, v.until, facts, merged).find(
          (t) => blocking(merged, zones, t, facts).length === 0,
        );
        expect(earlier).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('base period alone: open exactly when open in every zone, else the first minute open in all', () => {
    const arb = fc.record({ period: periodArb, zones: zonesArb, now: nowArb });
    fc.assert(
      fc.property(arb, ({ period, zones, now }) => {
        const policy = effectivePolicy({ presets: [], basePeriod: period });
        const facts: NumberFacts = {
          recentDials: [],
          jobDials: [],
          lastAnsweredAt: null,
          emptyAt: null,
          blocked: null,
          allowed: true,
        };
        const v = dial(policy, now, zones, facts);
        const open = (t: number) => zones.every((z) => openIn(period, z, t));
        if (v.kind === 'allow') {
          expect(open(now)).toBe(true);
          return;
        }
        expect(v).toMatchObject({ kind: 'defer', reason: 'BasePeriod' });
        if (v.kind !== 'defer') return;
        expect(open(now)).toBe(false);
        const horizon = v.rule.includes('not open within 14 days');
        if (!horizon) expect(open(v.until)).toBe(true);
        else expect(v.until).toBe(now + 14 * DAY);
        for (let t = Math.ceil(now / MINUTE) * MINUTE; t < v.until; t += MINUTE) {
          if (open(t))
            throw new Error(`open at ${new Date(t).toISOString()}, before ${new Date(v.until).toISOString()}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
