import { totalAttemptCap } from './totalAttemptCap.js';
import type { AttemptHistory, NextAttempt, Strategy } from './types.js';
import { zoneDay } from './zoneDay.js';
import { zoneOffset } from './zoneOffset.js';

const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Every zone's offset lies in [-12h, +14h]: the instants of one local day lie within these margins. */
const MAX_AHEAD = 14 * HOUR;
const MAX_BEHIND = 12 * HOUR;
/** Days examined (holiday-covered days are skipped for free) before giving up. */
const MAX_DAYS = 366 * 2;

/** "YYYY-MM-DDTHH:mm:ss" → wall-clock milliseconds (the wall time read as if it were UTC). */
function wallMs(iso: string): number {
  return Date.UTC(
    Number(iso.slice(0, 4)),
    Number(iso.slice(5, 7)) - 1,
    Number(iso.slice(8, 10)),
    Number(iso.slice(11, 13)),
    Number(iso.slice(14, 16)),
    Number(iso.slice(17, 19)),
  );
}

/** "YYYY-MM-DD" → days since 1970-01-01; null when absent or malformed. */
function dayNumber(key: string | null): number | null {
  if (key === null) return null;
  const ms = Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10)));
  return Number.isNaN(ms) ? null : ms / DAY;
}

/**
 * The earliest instant t >= from (UTC ms) at which a job may be dialled, or why it never may be.
 *
 * t must satisfy all of: the job's total attempt cap is not reached (checked first → AttemptsExhausted;
 * see totalAttemptCap); t >= startTime; t < endTime; t >= lastEndedAt + minAttemptInterval; and, read in
 * the wall clock of IANA `zone`: t's local day is allowed by repeatBy/repeatDays (week: 0 = Sunday; month:
 * day of month, so 31 only matches 31-day months); t's local time of day lies in one of the working
 * windows (none = the whole day); t lies in no holiday range; and t's local day is not history.dayKey
 * when that day already holds maxAttemptsPerDay attempts. 'immediate' ignores windows and day rules but
 * keeps everything else (holidays and the per-day cap included).
 *
 * DST: windows are wall-clock. A window part that falls in a spring-forward gap does not exist (the
 * result's local time always lies inside a window); on a fall-back day the earliest real instant wins,
 * and a repeated wall hour may be dialled in both of its occurrences.
 *
 * How: the allowed set is a union of half-open UTC intervals whose left ends are `earliest`, a zone
 * offset change, or a local boundary (local midnight, a window begin, a holiday end) mapped back to UTC
 * with an offset in effect that day. Walking local days from earliest's, each day's candidates are
 * verified by converting them back to wall-clock time; the first day with a valid one gives the smallest.
 * Stops with TimeUp once a day starts at/after endTime, or after MAX_DAYS examined days.
 */
export function nextAttemptAt(strategy: Strategy, zone: string, history: AttemptHistory, from: number): NextAttempt {
  if (history.attempts >= totalAttemptCap(strategy)) return { kind: 'never', reason: 'AttemptsExhausted' };

  let earliest = from;
  if (strategy.startTime !== undefined && strategy.startTime > earliest) earliest = strategy.startTime;
  if (history.lastEndedAt !== null) {
    const ready = history.lastEndedAt + Math.ceil(strategy.minAttemptInterval * MINUTE);
    if (ready > earliest) earliest = ready;
  }
  const end = strategy.endTime ?? Number.POSITIVE_INFINITY;
  if (earliest >= end) return { kind: 'never', reason: 'TimeUp' };

  const { repeatBy, repeatDays } = strategy;
  const windows = repeatBy === 'immediate' ? [] : strategy.workingTime;
  const holidays = strategy.holidays.map((h) => ({ begin: wallMs(h.begin), end: wallMs(h.end) }));
  const fullDay = history.dayAttempts >= strategy.maxAttemptsPerDay ? dayNumber(history.dayKey) : null;

  const dayAllowed = (d: number): boolean => {
    if (d === fullDay) return false;
    if (repeatBy === 'week') return repeatDays.includes((((d + 4) % 7) + 7) % 7); // 1970-01-01 was a Thursday
    if (repeatBy === 'month') return repeatDays.includes(new Date(d * DAY).getUTCDate());
    return true;
  };

  /** Whether t may be dialled, t's local day being required to be d (an allowed day). */
  const allowedOn = (t: number, d: number): boolean => {
    if (t < earliest || t >= end) return false;
    const local = t + zoneOffset(zone, t);
    if (Math.floor(local / DAY) !== d) return false;
    if (windows.length > 0) {
      const ofDay = local - d * DAY;
      let inside = false;
      for (const w of windows) {
        if (ofDay >= w.begin * SECOND && ofDay < w.end * SECOND) {
          inside = true;
          break;
        }
      }
      if (!inside) return false;
    }
    for (const h of holidays) if (local >= h.begin && local < h.end) return false;
    return true;
  };

  const offsets: number[] = [];
  let d = Math.floor((earliest + zoneOffset(zone, earliest)) / DAY);
  for (let examined = 0; examined < MAX_DAYS; examined++, d++) {
    const dayStart = d * DAY;
    if (dayStart - MAX_AHEAD >= end) return { kind: 'never', reason: 'TimeUp' };
    if (!dayAllowed(d)) continue;

    let coveredUntil: number | null = null;
    for (const h of holidays) {
      if (h.begin <= dayStart && h.end >= dayStart + DAY && (coveredUntil === null || h.end > coveredUntil)) {
        coveredUntil = h.end;
      }
    }
    if (coveredUntil !== null) {
      d = Math.floor(coveredUntil / DAY) - 1; // the loop's d++ lands on the day the holiday ends
      continue;
    }

    let best = Number.POSITIVE_INFINITY;
    const consider = (t: number): void => {
      if (t < best && allowedOn(t, d)) best = t;
    };
    consider(earliest);
    offsets.length = 0;
    const lastUtcDay = Math.floor((dayStart + DAY + MAX_BEHIND) / DAY);
    for (let u = Math.floor((dayStart - MAX_AHEAD) / DAY); u <= lastUtcDay; u++) {
      const z = zoneDay(zone, u);
      if (!offsets.includes(z.before)) offsets.push(z.before);
      if (z.at !== null) {
        if (!offsets.includes(z.after)) offsets.push(z.after);
        consider(z.at);
      }
    }
    for (const o of offsets) {
      if (windows.length === 0) consider(dayStart - o);
      for (const w of windows) consider(dayStart + w.begin * SECOND - o);
      for (const h of holidays) {
        if (h.end >= dayStart && h.end < dayStart + DAY) consider(h.end - o);
      }
    }
    if (best !== Number.POSITIVE_INFINITY) return { kind: 'at', at: best };
  }
  return { kind: 'never', reason: 'TimeUp' };
}
