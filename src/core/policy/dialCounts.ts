import { DateTime } from 'luxon';
import { zoneOffset } from '../strategy/zoneOffset.js';

const DAY = 86_400_000;

/** Local calendar day number (days since 1970-01-01) of instant t in zone. */
function localDay(t: number, zone: string): number {
  return Math.floor((t + zoneOffset(zone, t)) / DAY);
}

/**
 * When a rolling limit of `limit` dials per `span` ms next lets a dial through, or null if it does at `t`.
 * A dial at d counts while t - d <= span (the window is closed at both ends), so it stops counting at
 * d + span + 1. With n counted dials, the n - limit + 1 oldest must leave.
 */
export function rollingLimitUntil(dials: readonly number[], limit: number, span: number, t: number): number | null {
  const from = t - span;
  let counted = 0;
  for (const d of dials) if (d >= from) counted++;
  if (counted < limit) return null;
  const inWindow: number[] = [];
  for (const d of dials) if (d >= from) inWindow.push(d);
  inWindow.sort((a, b) => a - b);
  return inWindow[counted - limit]! + span + 1;
}

/**
 * When a per-local-day limit next lets a dial through, or null if it does at `t`: dials are counted on t's
 * calendar day in `zone`; when full, the answer is the next local midnight (the first instant of the next
 * local day when midnight itself falls in a DST gap).
 */
export function localDayLimitUntil(dials: readonly number[], limit: number, zone: string, t: number): number | null {
  const today = localDay(t, zone);
  let counted = 0;
  for (const d of dials) if (localDay(d, zone) === today) counted++;
  if (counted < limit) return null;
  return DateTime.fromMillis(t, { zone }).startOf('day').plus({ days: 1 }).toMillis();
}
