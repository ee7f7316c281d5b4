import { clockMinutes } from '../../../core/policy/clockWindows.js';
import type { ClockWindow, PolicySettings } from '../../../core/policy/types.js';
import { changePolicy } from '../../../service/policy/changePolicy.js';
import { getPolicy } from '../../../service/policy/getPolicy.js';
import { invalidParameter, missingParameter } from '../errors.js';
import { jsonParam, optionalBool, optionalInt, optionalString, type RpcParams, repeatList } from '../params.js';
import { policyEntryId } from './policyEntryScope.js';
import type { ActionHandler } from './types.js';
import { withWireNames } from './wireFieldNames.js';

/** SaveMaxAttemptsPerDay's default when MaxAttemptsPerDay is absent (TS-SDK `SaveMaxAttemptsPerDayRequest`). */
const DEFAULT_MAX_ATTEMPTS_PER_DAY = 3;
const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
/**
 * The vendor's switch says "never call an empty number again"; Outdial keeps the rule as days. Carriers give a
 * number that was out of service to a new subscriber after some months, so "never" is read as 90 days.
 */
const EMPTY_NUMBER_NO_MORE_CALLS_DAYS = 90;

/**
 * SaveMaxAttemptsPerDay: the instance's limit of attempts per number per callee-local day, across all its job
 * groups (the policy's perNumber.perLocalDay). Other rules are left as they are.
 */
export const saveMaxAttemptsPerDay: ActionHandler = async (ctx, p) => {
  const instanceId = await policyEntryId(ctx, p);
  const max = optionalInt(p, 'MaxAttemptsPerDay', { min: 1, max: 10_000 }) ?? DEFAULT_MAX_ATTEMPTS_PER_DAY;
  await changePolicy(ctx.deps, instanceId, (s) => ({ ...s, perNumber: { ...s.perNumber, perLocalDay: max } }));
  return {};
};

/** GetMaxAttemptsPerDay: the limit SaveMaxAttemptsPerDay set; absent while the instance has none of its own. */
export const getMaxAttemptsPerDay: ActionHandler = async (ctx, p) => {
  const instanceId = await policyEntryId(ctx, p);
  const max = (await getPolicy(ctx.deps, instanceId)).settings.perNumber?.perLocalDay;
  return max === undefined ? {} : { MaxAttemptsPerDay: max };
};

const WIRE_CLOCK = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `HH:mm:ss` (seconds 00) or `HH:mm`, as the policy's `HH:mm`. */
function clockOf(value: unknown, name: string): string {
  const m = typeof value === 'string' ? WIRE_CLOCK.exec(value.trim()) : null;
  if (!m) throw invalidParameter(name, `It must be a time "HH:mm:ss", got ${JSON.stringify(value)}.`);
  if (m[3] !== undefined && m[3] !== '00')
    throw invalidParameter(name, 'Times are kept to the minute: seconds must be 00.');
  return `${m[1]}:${m[2]}`;
}

/**
 * The windows of SaveBaseStrategyPeriod: `WorkingTimeFramesJson`, a JSON array of {beginTime, endTime}; or the
 * deprecated `WorkingTime.N`, read as one such JSON object each (the SDK types them as strings: unverified).
 */
function workingWindows(p: RpcParams): ClockWindow[] {
  const frames = jsonParam(p, 'WorkingTimeFramesJson');
  let items: unknown[];
  let name = 'WorkingTimeFramesJson';
  if (frames !== undefined) {
    if (!Array.isArray(frames)) throw invalidParameter(name, 'It must be a JSON array of {beginTime, endTime}.');
    items = frames;
  } else {
    name = 'WorkingTime';
    items = repeatList(p, name).map((text, i) => {
      try {
        return JSON.parse(text);
      } catch {
        throw invalidParameter(`${name}.${i + 1}`, 'It must be a JSON object {beginTime, endTime}.');
      }
    });
  }
  return items.map((item, i) => {
    const o = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const at = frames !== undefined ? `${name}[${i}]` : `${name}.${i + 1}`;
    return { begin: clockOf(o.beginTime, `${at}.beginTime`), end: clockOf(o.endTime, `${at}.endTime`) };
  });
}

/**
 * SaveBaseStrategyPeriod: the hours (callee-local) when the instance's calls may be placed at all, every day or
 * with OnlyWeekdays=true Monday to Friday (the policy's basePeriod). No windows and not OnlyWeekdays removes the
 * rule; OnlyWeekdays with no windows is all day on weekdays. OnlyWorkdays=true (skip public holidays) is refused:
 * there is no holiday calendar at instance level; a job group's strategy carries holidays.
 */
export const saveBaseStrategyPeriod: ActionHandler = async (ctx, p) => {
  const instanceId = await policyEntryId(ctx, p);
  if (optionalBool(p, 'OnlyWorkdays') === true) {
    throw invalidParameter(
      'OnlyWorkdays',
      'Public holidays are not known at instance level; give them in a job group’s strategy (holidays) instead.',
    );
  }
  const onlyWeekdays = optionalBool(p, 'OnlyWeekdays');
  const windowsGiven =
    optionalString(p, 'WorkingTimeFramesJson') !== undefined || repeatList(p, 'WorkingTime').length > 0;
  if (!windowsGiven && onlyWeekdays === undefined) throw missingParameter('WorkingTimeFramesJson');
  const weekdays = onlyWeekdays === true;
  const windows = workingWindows(p);
  const basePeriod =
    windows.length === 0 && !weekdays
      ? undefined
      : {
          days: weekdays ? WEEKDAYS : EVERY_DAY,
          windows: windows.length > 0 ? windows : [{ begin: '00:00', end: '24:00' }],
        };
  await withWireNames([{ from: 'basePeriod.windows', to: 'WorkingTimeFramesJson' }], () =>
    changePolicy(
      ctx.deps,
      instanceId,
      ({ basePeriod: _old, ...rest }): PolicySettings => (basePeriod ? { ...rest, basePeriod } : rest),
    ),
  );
  return {};
};

const wireClock = (hhmm: string) => `${hhmm}:00`;

/**
 * GetBaseStrategyPeriod: the instance's own calling hours. OnlyWeekdays is true when they hold Monday to Friday
 * only; other day sets (set over REST) read as false. OnlyWorkdays is always false.
 */
export const getBaseStrategyPeriod: ActionHandler = async (ctx, p) => {
  const instanceId = await policyEntryId(ctx, p);
  const period = (await getPolicy(ctx.deps, instanceId)).settings.basePeriod;
  return {
    OnlyWeekdays: period !== undefined && period.days.join() === WEEKDAYS.join(),
    OnlyWorkdays: false,
    WorkingTime: (period?.windows ?? []).map((w) => ({
      BeginTime: wireClock(w.begin),
      EndTime: wireClock(w.end),
      BeginTimeMillis: clockMinutes(w.begin) * 60_000,
      EndTimeMillis: clockMinutes(w.end) * 60_000,
    })),
  };
};

/** GetEmptyNumberNoMoreCallsInfo: true while the instance keeps empty numbers from being dialled again. */
export const getEmptyNumberNoMoreCallsInfo: ActionHandler = async (ctx, p) => {
  const instanceId = await policyEntryId(ctx, p);
  const days = (await getPolicy(ctx.deps, instanceId)).settings.emptyNumberDays ?? 0;
  return { EmptyNumberNoMoreCalls: days > 0 };
};

/**
 * ModifyEmptyNumberNoMoreCallsInfo: true keeps a number found empty from being dialled for
 * EMPTY_NUMBER_NO_MORE_CALLS_DAYS (or the days already set over REST); false turns the rule off.
 */
export const modifyEmptyNumberNoMoreCallsInfo: ActionHandler = async (ctx, p) => {
  const instanceId = await policyEntryId(ctx, p);
  const on = optionalBool(p, 'EmptyNumberNoMoreCalls');
  if (on === undefined) throw missingParameter('EmptyNumberNoMoreCalls');
  await changePolicy(ctx.deps, instanceId, (s) => ({
    ...s,
    emptyNumberDays: on ? s.emptyNumberDays || EMPTY_NUMBER_NO_MORE_CALLS_DAYS : 0,
  }));
  return {};
};
