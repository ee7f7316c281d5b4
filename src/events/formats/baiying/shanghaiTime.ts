/**
 * BaiYing writes times as China wall-clock text without a zone. China has one zone (Asia/Shanghai) and no
 * daylight saving since 1991, so a fixed +8 h offset is exact for every instant Outdial can produce.
 * Built from getUTC* parts rather than toISOString, which throws on an invalid Date.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function shanghai(ms: number): Date {
  return new Date(ms + SHANGHAI_OFFSET_MS);
}

/** `yyyy-MM-dd` in China. */
export function shanghaiDate(ms: number): string {
  const d = shanghai(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `yyyy-MM-dd HH:mm:ss` in China, BaiYing's `Date` fields. */
export function shanghaiDateTime(ms: number): string {
  const d = shanghai(ms);
  return `${shanghaiDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * `HH:mm:ss` of a second of the day. 86400 (a window ending at midnight) is written 23:59:59, since a
 * time-of-day parser on the receiving side (Java's LocalTime) rejects 24:00:00.
 */
export function timeOfDay(secondOfDay: number): string {
  const s = Math.min(Math.max(0, Math.floor(secondOfDay)), 86399);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Java's `Date.toString()` in GMT, e.g. `Thu Oct 16 07:13:48 GMT 2014`: the callback's `dateTime`. */
export function javaGmtDateString(ms: number): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} GMT ${d.getUTCFullYear()}`;
}
