import { zoneOffset } from './zoneOffset.js';

const DAY = 86_400_000;

/** The local calendar day of instant `t` (UTC ms) in IANA `zone`, as "YYYY-MM-DD". */
export function localDayKey(t: number, zone: string): string {
  const localMidnight = Math.floor((t + zoneOffset(zone, t)) / DAY) * DAY;
  return new Date(localMidnight).toISOString().slice(0, 10);
}
