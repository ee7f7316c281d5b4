import type { RecallStrategy, RepeatBy, Strategy } from '../../../core/strategy/types.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Seconds since midnight as "HH:mm:ss"; 86400 is "24:00:00", which StrategyJson accepts as an end. */
export const clockTime = (seconds: number): string =>
  `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;

/** Absent RepeatBy means "dial at once" in StrategyJson, so that is what an immediate strategy sends back. */
const REPEAT_BY: Record<RepeatBy, string> = { immediate: '', once: 'Once', day: 'Day', week: 'Week', month: 'Month' };

/**
 * A job group's Strategy object (DescribeJobGroup, CreateJobGroup, ModifyJobGroup). Its keys differ from
 * StrategyJson's only in the case of their first letter, which StrategyJson ignores, so the object can be
 * sent back as a StrategyJson and means the same. `MaxAttempts` and `Holidays`, Outdial's extensions, are
 * sent only when set. Fields Outdial has no value for are empty.
 */
export function wireStrategy(s: Strategy) {
  return {
    StrategyId: '',
    StrategyName: s.name ?? '',
    StrategyDescription: '',
    Type: '',
    RepeatBy: REPEAT_BY[s.repeatBy],
    RepeatDays: s.repeatDays.map(String),
    Repeatable: s.repeatBy === 'day' || s.repeatBy === 'week' || s.repeatBy === 'month',
    StartTime: s.startTime ?? 0,
    EndTime: s.endTime ?? 0,
    WorkingTime: s.workingTime.map((w) => ({ BeginTime: clockTime(w.begin), EndTime: clockTime(w.end) })),
    MaxAttemptsPerDay: s.maxAttemptsPerDay,
    MinAttemptInterval: s.minAttemptInterval,
    RoutingStrategy: 'None',
    IsTemplate: false,
    Customized: '',
    FollowUpStrategy: '',
    ...(s.maxAttempts !== undefined ? { MaxAttempts: s.maxAttempts } : {}),
    ...(s.holidays.length > 0 ? { Holidays: s.holidays.map((h) => ({ Begin: h.begin, End: h.end })) } : {}),
  };
}

export const wireRecallStrategy = (r: RecallStrategy) => ({
  EmptyNumberIgnore: r.emptyNumberIgnore,
  InArrearsIgnore: r.inArrearsIgnore,
  OutOfServiceIgnore: r.outOfServiceIgnore,
});
