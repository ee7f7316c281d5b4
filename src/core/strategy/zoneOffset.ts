import { zoneDay } from './zoneDay.js';

const DAY = 86_400_000;

/** The offset of `zone` at instant `t` (UTC ms), in milliseconds: local wall-clock ms = t + offset. */
export function zoneOffset(zone: string, t: number): number {
  const d = zoneDay(zone, Math.floor(t / DAY));
  return d.at !== null && t >= d.at ? d.after : d.before;
}
