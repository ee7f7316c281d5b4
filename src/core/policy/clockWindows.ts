import type { ClockWindow } from './types.js';

/** `HH:mm` → minutes since local midnight ("24:00" → 1440). Assumes a validated string. */
export function clockMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Minutes since local midnight → `HH:mm`. */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Windows as sorted, merged minute ranges [begin, end). Touching or overlapping windows become one. */
function toRanges(windows: readonly ClockWindow[]): [number, number][] {
  const ranges = windows
    .map((w): [number, number] => [clockMinutes(w.begin), clockMinutes(w.end)])
    .filter(([b, e]) => e > b)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The wall-clock time that lies in both window sets, as sorted, non-touching windows (may be empty). */
export function intersectWindows(a: readonly ClockWindow[], b: readonly ClockWindow[]): ClockWindow[] {
  const x = toRanges(a);
  const y = toRanges(b);
  const out: ClockWindow[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const [xb, xe] = x[i]!;
    const [yb, ye] = y[j]!;
    const begin = Math.max(xb, yb);
    const end = Math.min(xe, ye);
    if (end > begin) out.push({ begin: formatClock(begin), end: formatClock(end) });
    if (xe < ye) i++;
    else j++;
  }
  return out;
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `Mon–Fri 08:00–21:00` style text for audit trails and verdicts. */
export function describePeriod(period: { days: readonly number[]; windows: readonly ClockWindow[] }): string {
  const days =
    period.days.length === 7
      ? 'every day'
      : period.days.length === 0
        ? 'no day'
        : period.days.map((d) => WEEKDAY_NAMES[d] ?? String(d)).join(',');
  const windows = period.windows.length === 0 ? 'never' : period.windows.map((w) => `${w.begin}–${w.end}`).join(', ');
  return `${days} ${windows}`;
}
