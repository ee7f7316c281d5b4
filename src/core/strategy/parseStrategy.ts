/**
 * Parses a vendor StrategyJson (seed 000 / 001, Alibaba OutboundBot) or a FreeSWITCH-dialer task's params
 * (seed 003) into a validated {@link Strategy}.
 *
 * Input: an object, or the same as a JSON string. Top-level keys match whatever the case of their first
 * letter (`RepeatBy` and `repeatBy` are one key; given twice with different values is an error). Unknown
 * keys are ignored (vendors add keys); a known key with a wrong type or value is an error. Every error is
 * an `OutdialError('INVALID_STRATEGY')` whose `details.field` names the field in camelCase, e.g.
 * `strategy.workingTime[1].endTime` (seed 003 aliases keep their own names, e.g. `strategy.work_hour[0].begin`).
 *
 * Fields and defaults:
 * - `maxAttemptsPerDay`: integer ≥ 1, default 1. Numeric strings accepted.
 * - `minAttemptInterval`: minutes, number ≥ 0, default 1. Numeric strings accepted.
 * - `RepeatBy`: `once` | `day` | `week` | `month` in any case; absent, null or "" → 'immediate', unless
 *   working windows are given: then `once`, so the windows hold (seed 001's createStrategy sends windows
 *   without RepeatBy, and a caller who names windows never means "dial at 3 a.m.").
 * - `RepeatDays`: array of integers, a comma-separated string "1,2,3", or "" / null (none). Required and
 *   non-empty for week (0 = Sunday … 6) and month (1 … 31); ignored for the other modes. Sorted, de-duplicated.
 * - `workingTime`: array of `{ beginTime, endTime }`, times "HH:mm:ss", "HH:mm" or "H:mm"; "" / null → none
 *   (the whole day). "24:00" / "24:00:00" only as an endTime. Windows are half-open, must not overlap
 *   (touching is fine), and come out sorted.
 * - `name`: string; "" / null → absent.
 * - `startTime` / `endTime`: UTC ms as numbers or numeric strings; "", 0 and null → absent. A value below
 *   1e11 is rejected as "looks like seconds". endTime must be after startTime.
 * - `maxAttempts` (Outdial): integer ≥ 1, cap over the job's whole life; "" / null → absent.
 *   When absent, the cap is unlimited if endTime is given, else maxAttemptsPerDay — so a strategy without
 *   an end never retries forever; the same holds for 'immediate' (see totalAttemptCap.ts).
 * - Seed 003 aliases: `work_hour` `[{ begin, end }]` = workingTime (giving both is an error); `work_week` =
 *   RepeatDays, and sets RepeatBy 'week' when RepeatBy is absent (with another RepeatBy, or with RepeatDays
 *   also given, it is an error; an empty work_week is no restriction); `holiday` and Outdial's `holidays`
 *   `[{ begin, end }]`: local date-times "YYYY-M-D H:mm[:ss]" (a space or a T between date and time; a bare
 *   date means midnight), normalised to "YYYY-MM-DDTHH:mm:ss"; end must be after begin. Both keys may be given;
 *   the ranges are merged into one list sorted by begin.
 * - Seed 003's `start_time` / `stop_time` (local date-times, zone unknown at parse time) are not read.
 */
import { invalidField } from '../errors.js';
import type { DailyWindow, Holiday, RepeatBy, Strategy } from './types.js';

type Obj = Record<string, unknown>;

const fail = (path: string, message: string) => invalidField(path, message, 'INVALID_STRATEGY');

function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own keys with the first letter lower-cased. */
function keyMap(o: Obj, path: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const spelled = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    const n = k.charAt(0).toLowerCase() + k.slice(1);
    const before = spelled.get(n);
    if (before !== undefined && JSON.stringify(out.get(n)) !== JSON.stringify(v)) {
      throw fail(`${path}.${n}`, `given twice with different values (as ${before} and as ${k})`);
    }
    out.set(n, v);
    spelled.set(n, k);
  }
  return out;
}

function toNumber(v: unknown, path: string): number {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw fail(path, `must be a finite number, got ${show(v)}`);
    return v;
  }
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  throw fail(path, `must be a number, got ${show(v)}`);
}

function toInt(v: unknown, path: string, min: number): number {
  const n = toNumber(v, path);
  if (!Number.isSafeInteger(n)) throw fail(path, `must be an integer, got ${show(v)}`);
  if (n < min) throw fail(path, `must be at least ${min}, got ${show(v)}`);
  return n;
}

/** A JSON array given as a string (vendors sometimes double-encode nested values). */
function maybeJsonArray(v: unknown, path: string): unknown {
  if (typeof v !== 'string' || !v.trim().startsWith('[')) return v;
  try {
    return JSON.parse(v);
  } catch {
    throw fail(path, `is not a valid JSON array: ${show(v)}`);
  }
}

function parseInstant(v: unknown, path: string): number | undefined {
  if (isBlank(v) || v === 0 || v === '0') return undefined;
  const n = toInt(v, path, 0);
  if (n === 0) return undefined;
  if (n < 1e11) throw fail(path, `must be a UTC timestamp in milliseconds; ${n} looks like seconds`);
  return n;
}

interface Indexed {
  value: number;
  index: number;
}

/** A list of day numbers: an array, a comma-separated string, or blank (→ []). */
function parseDayList(raw: unknown, path: string): Indexed[] {
  if (isBlank(raw)) return [];
  const v = maybeJsonArray(raw, path);
  let items: unknown[];
  if (Array.isArray(v)) items = v;
  else if (typeof v === 'string') items = v.split(',').map((s) => s.trim());
  else if (typeof v === 'number') items = [v];
  else throw fail(path, `must be an array of day numbers or a comma-separated string, got ${show(v)}`);
  return items.map((item, index) => {
    const p = `${path}[${index}]`;
    if (typeof item !== 'number' && !(typeof item === 'string' && /^\s*\d+\s*$/.test(item))) {
      throw fail(p, `must be a day number, got ${show(item)}`);
    }
    return { value: toInt(item, p, Number.MIN_SAFE_INTEGER), index };
  });
}

const CLOCK = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;

/** "HH:mm:ss" / "HH:mm" / "H:mm" → seconds since midnight; "24:00[:00]" only when `isEnd`. */
function parseClock(v: unknown, path: string, isEnd: boolean): number {
  if (isBlank(v)) throw fail(path, 'is required');
  const m = typeof v === 'string' ? CLOCK.exec(v) : null;
  if (m === null) throw fail(path, `must be a time of day "HH:mm:ss" or "HH:mm", got ${show(v)}`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (h === 24 && min === 0 && s === 0) {
    if (!isEnd) throw fail(path, `24:00 is only allowed as an end time, got ${show(v)}`);
    return 86_400;
  }
  if (h > 23 || min > 59 || s > 59) throw fail(path, `is not a valid time of day, got ${show(v)}`);
  return h * 3600 + min * 60 + s;
}

function parseWindows(raw: unknown, path: string, beginKey: string, endKey: string): DailyWindow[] {
  if (isBlank(raw)) return [];
  const v = maybeJsonArray(raw, path);
  if (!Array.isArray(v)) throw fail(path, `must be an array of {${beginKey}, ${endKey}}, got ${show(v)}`);
  const windows = v.map((item, index) => {
    const p = `${path}[${index}]`;
    if (!isObject(item)) throw fail(p, `must be an object {${beginKey}, ${endKey}}, got ${show(item)}`);
    const keys = keyMap(item, p);
    const begin = parseClock(keys.get(beginKey), `${p}.${beginKey}`, false);
    const end = parseClock(keys.get(endKey), `${p}.${endKey}`, true);
    if (end <= begin) {
      throw fail(
        `${p}.${endKey}`,
        `must be after ${beginKey} (${show(keys.get(beginKey))}), got ${show(keys.get(endKey))}`,
      );
    }
    return { begin, end, index };
  });
  windows.sort((a, b) => a.begin - b.begin || a.end - b.end);
  for (let i = 1; i < windows.length; i++) {
    const prev = windows[i - 1]!;
    const cur = windows[i]!;
    if (cur.begin < prev.end) {
      const [first, second] = prev.index < cur.index ? [prev, cur] : [cur, prev];
      throw fail(`${path}[${second.index}]`, `overlaps ${path}[${first.index}]`);
    }
  }
  return windows.map(({ begin, end }) => ({ begin, end }));
}

const LOCAL_DATE_TIME = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2020-1-20 12:00" → "2020-01-20T12:00:00". */
function parseLocalDateTime(v: unknown, path: string): string {
  if (isBlank(v)) throw fail(path, 'is required');
  const m = typeof v === 'string' ? LOCAL_DATE_TIME.exec(v) : null;
  if (m === null) throw fail(path, `must be a local date-time "YYYY-MM-DD HH:mm[:ss]", got ${show(v)}`);
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? 0 : Number(x))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = mo >= 1 && mo <= 12 ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) {
    throw fail(path, `is not a valid date-time, got ${show(v)}`);
  }
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

function parseHolidays(raw: unknown, path: string): Holiday[] {
  if (isBlank(raw)) return [];
  const v = maybeJsonArray(raw, path);
  if (!Array.isArray(v)) throw fail(path, `must be an array of {begin, end}, got ${show(v)}`);
  return v.map((item, index) => {
    const p = `${path}[${index}]`;
    if (!isObject(item)) throw fail(p, `must be an object {begin, end}, got ${show(item)}`);
    const keys = keyMap(item, p);
    const begin = parseLocalDateTime(keys.get('begin'), `${p}.begin`);
    const end = parseLocalDateTime(keys.get('end'), `${p}.end`);
    if (end <= begin)
      throw fail(`${p}.end`, `must be after begin (${show(keys.get('begin'))}), got ${show(keys.get('end'))}`);
    return { begin, end };
  });
}

const REPEAT_BY: readonly RepeatBy[] = ['once', 'day', 'week', 'month'];

function parseRepeatBy(v: unknown, path: string): RepeatBy | undefined {
  if (isBlank(v)) return undefined;
  if (typeof v !== 'string') throw fail(path, `must be one of once, day, week, month, got ${show(v)}`);
  const lower = v.trim().toLowerCase() as RepeatBy;
  if (!REPEAT_BY.includes(lower)) {
    throw fail(path, `must be one of once, day, week, month (or absent to dial immediately), got ${show(v)}`);
  }
  return lower;
}

function toObject(input: unknown, path: string): Obj {
  let v = input;
  if (typeof v === 'string') {
    if (v.trim() === '') throw fail(path, 'is required');
    try {
      v = JSON.parse(v);
    } catch {
      throw fail(path, `is not valid JSON: ${show(input)}`);
    }
  }
  if (v === undefined || v === null) throw fail(path, 'is required');
  if (!isObject(v)) throw fail(path, `must be an object, got ${show(v)}`);
  return v;
}

/** Parses and validates a StrategyJson (object or JSON string); throws INVALID_STRATEGY naming the field. */
export function parseStrategy(input: unknown, path = 'strategy'): Strategy {
  const keys = keyMap(toObject(input, path), path);
  const at = (k: string) => `${path}.${k}`;

  const maxAttemptsPerDay = isBlank(keys.get('maxAttemptsPerDay'))
    ? 1
    : toInt(keys.get('maxAttemptsPerDay'), at('maxAttemptsPerDay'), 1);
  let minAttemptInterval = 1;
  if (!isBlank(keys.get('minAttemptInterval'))) {
    minAttemptInterval = toNumber(keys.get('minAttemptInterval'), at('minAttemptInterval'));
    if (minAttemptInterval < 0) {
      throw fail(at('minAttemptInterval'), `must be at least 0 minutes, got ${show(keys.get('minAttemptInterval'))}`);
    }
  }
  const maxAttempts = isBlank(keys.get('maxAttempts'))
    ? undefined
    : toInt(keys.get('maxAttempts'), at('maxAttempts'), 1);

  const name = keys.get('name');
  if (!isBlank(name) && typeof name !== 'string') throw fail(at('name'), `must be a string, got ${show(name)}`);

  const startTime = parseInstant(keys.get('startTime'), at('startTime'));
  const endTime = parseInstant(keys.get('endTime'), at('endTime'));
  if (startTime !== undefined && endTime !== undefined && endTime <= startTime) {
    throw fail(at('endTime'), `must be after startTime (${startTime}), got ${endTime}`);
  }

  // Repeat mode and days (RepeatDays, or seed 003's work_week).
  const given = parseRepeatBy(keys.get('repeatBy'), at('repeatBy'));
  const repeatDaysIn = parseDayList(keys.get('repeatDays'), at('repeatDays'));
  const workWeek = parseDayList(keys.get('work_week'), at('work_week'));
  if (workWeek.length > 0 && repeatDaysIn.length > 0) {
    throw fail(at('work_week'), 'give either RepeatDays or work_week, not both');
  }
  const repeatBy: RepeatBy = given ?? (workWeek.length > 0 ? 'week' : 'immediate');
  if (workWeek.length > 0 && repeatBy !== 'week') {
    throw fail(at('work_week'), `lists weekdays, which only RepeatBy week can use (RepeatBy is ${given})`);
  }
  let repeatDays: number[] = [];
  if (repeatBy === 'week' || repeatBy === 'month') {
    const [days, daysPath] = workWeek.length > 0 ? [workWeek, at('work_week')] : [repeatDaysIn, at('repeatDays')];
    if (days.length === 0) throw fail(daysPath, `is required (and not empty) when RepeatBy is ${repeatBy}`);
    const [lo, hi, what] =
      repeatBy === 'week' ? [0, 6, 'a weekday 0 (Sunday) … 6'] : [1, 31, 'a day of the month 1 … 31'];
    for (const d of days) {
      if (d.value < lo || d.value > hi) throw fail(`${daysPath}[${d.index}]`, `must be ${what}, got ${d.value}`);
    }
    repeatDays = [...new Set(days.map((d) => d.value))].sort((a, b) => a - b);
  }

  // Windows: workingTime, or seed 003's work_hour.
  const workingTimeIn = keys.get('workingTime');
  const workHourIn = keys.get('work_hour');
  if (!isBlank(workingTimeIn) && !isBlank(workHourIn)) {
    throw fail(at('work_hour'), 'give either workingTime or work_hour, not both');
  }
  const workingTime = isBlank(workHourIn)
    ? parseWindows(workingTimeIn, at('workingTime'), 'beginTime', 'endTime')
    : parseWindows(workHourIn, at('work_hour'), 'begin', 'end');

  const holidays = [
    ...parseHolidays(keys.get('holiday'), at('holiday')),
    ...parseHolidays(keys.get('holidays'), at('holidays')),
  ].sort((a, b) => (a.begin < b.begin ? -1 : a.begin > b.begin ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0));

  // Windows given without RepeatBy (seed 001's own createStrategy does this) are meant to hold: read as `once`.
  const mode: RepeatBy = repeatBy === 'immediate' && workingTime.length > 0 ? 'once' : repeatBy;
  const strategy: Strategy = {
    repeatBy: mode,
    repeatDays,
    workingTime,
    holidays,
    maxAttemptsPerDay,
    minAttemptInterval,
  };
  if (typeof name === 'string' && name.trim() !== '') strategy.name = name;
  if (startTime !== undefined) strategy.startTime = startTime;
  if (endTime !== undefined) strategy.endTime = endTime;
  if (maxAttempts !== undefined) strategy.maxAttempts = maxAttempts;
  return strategy;
}
