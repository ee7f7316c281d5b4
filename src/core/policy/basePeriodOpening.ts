import { emptyHistory } from '../strategy/emptyHistory.js';
import { nextAttemptAt } from '../strategy/nextAttemptAt.js';
import type { Strategy } from '../strategy/types.js';
import { zoneOffset } from '../strategy/zoneOffset.js';
import { clockMinutes } from './clockWindows.js';
import type { EffectivePolicy } from './types.js';

type BasePeriod = NonNullable<EffectivePolicy['basePeriod']>;

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A base period compiled once: windows in ms of the local day, and the same rule as a weekly strategy. */
interface CompiledPeriod {
  days: readonly number[];
  windows: { begin: number; end: number }[];
  never: boolean;
}

const compiled = new WeakMap<BasePeriod, CompiledPeriod>();

function compile(period: BasePeriod): CompiledPeriod {
  let c = compiled.get(period);
  if (c === undefined) {
    const windows = period.windows.map((w) => ({
      begin: clockMinutes(w.begin) * MINUTE,
      end: clockMinutes(w.end) * MINUTE,
    }));
    c = { days: period.days, windows, never: period.days.length === 0 || windows.every((w) => w.end <= w.begin) };
    compiled.set(period, c);
  }
  return c;
}

function openIn(c: CompiledPeriod, zone: string, t: number): boolean {
  const local = t + zoneOffset(zone, t);
  const day = Math.floor(local / DAY);
  if (!c.days.includes((((day + 4) % 7) + 7) % 7)) return false; // 1970-01-01 was a Thursday
  const ofDay = local - day * DAY;
  for (const w of c.windows) if (ofDay >= w.begin && ofDay < w.end) return true;
  return false;
}

/**
 * Whether the base period is open at `t` (UTC ms) in every one of `zones`: t's local weekday is one of
 * the days and its local time of day lies in a window [begin, end). Throws on an unknown zone.
 */
export function isBasePeriodOpen(period: BasePeriod, zones: readonly string[], t: number): boolean {
  const c = compile(period);
  if (c.never) return false;
  for (const zone of zones) if (!openIn(c, zone, t)) return false;
  return true;
}

/**
 * The earliest instant t >= from at which the base period is open in every one of `zones`, or null when
 * there is none before `from + horizon`. One zone's next opening comes from the strategy engine (so
 * spring-forward gaps are skipped and a repeated fall-back hour counts twice, as for job windows); for
 * several zones, each zone in turn moves t to its own next opening until t is open in all. t never passes
 * the true answer (every zone is open there), so the first t open in all is the earliest.
 */
export function nextBasePeriodOpening(
  period: BasePeriod,
  zones: readonly string[],
  from: number,
  horizon: number,
): number | null {
  const c = compile(period);
  if (c.never) return null;
  const strategy: Strategy = {
    repeatBy: 'week',
    repeatDays: [...c.days],
    workingTime: period.windows.map((w) => ({ begin: clockMinutes(w.begin) * 60, end: clockMinutes(w.end) * 60 })),
    holidays: [],
    maxAttemptsPerDay: 1,
    minAttemptInterval: 0,
    endTime: from + horizon,
  };
  const history = emptyHistory();
  let t = from;
  for (;;) {
    let moved = false;
    for (const zone of zones) {
      if (openIn(c, zone, t)) continue;
      const next = nextAttemptAt(strategy, zone, history, t);
      if (next.kind !== 'at' || next.at <= t) return null;
      t = next.at;
      moved = true;
    }
    if (!moved) return t;
  }
}
