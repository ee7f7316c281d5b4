import { IANAZone } from 'luxon';
import { invalidField } from '../errors.js';

const DAY = 86_400_000;

/**
 * The UTC offsets of an IANA zone over one UTC day [utcDay * DAY, (utcDay + 1) * DAY), in milliseconds
 * (local = utc + offset). `at` is the instant the offset changes from `before` to `after` inside that day,
 * null when it does not change (then `after === before`).
 *
 * Assumes at most one offset change per UTC day, true of every zone in the tz database for current dates.
 */
export interface ZoneDay {
  before: number;
  at: number | null;
  after: number;
}

interface ZoneState {
  zone: IANAZone;
  days: Map<number, ZoneDay>;
}

/** Per-zone memo: Intl-backed offsets cost microseconds each, and the strategy engine asks for many. */
const zones = new Map<string, ZoneState>();
const MAX_DAYS_PER_ZONE = 4096;

function zoneState(name: string): ZoneState {
  let state = zones.get(name);
  if (state === undefined) {
    const zone = IANAZone.create(name);
    if (!zone.isValid) throw invalidField('zone', `"${name}" is not an IANA time zone`);
    state = { zone, days: new Map() };
    zones.set(name, state);
  }
  return state;
}

/** The zone's offsets over one UTC day (days since the epoch); memoised. Throws on an unknown zone. */
export function zoneDay(zone: string, utcDay: number): ZoneDay {
  const state = zoneState(zone);
  const hit = state.days.get(utcDay);
  if (hit !== undefined) return hit;
  const z = state.zone;
  const start = utcDay * DAY;
  const last = start + DAY - 1000;
  const before = z.offset(start) * 60_000;
  const after = z.offset(last) * 60_000;
  let at: number | null = null;
  if (before !== after) {
    // Offsets change on whole seconds: bisect on seconds for the first instant with the new offset.
    let lo = start;
    let hi = last;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (z.offset(mid) * 60_000 === before) lo = mid;
      else hi = mid;
    }
    at = hi;
  }
  const result: ZoneDay = { before, at, after };
  if (state.days.size >= MAX_DAYS_PER_ZONE) state.days.clear();
  state.days.set(utcDay, result);
  return result;
}
