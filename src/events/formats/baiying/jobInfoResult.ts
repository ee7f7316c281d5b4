import type { JobGroupEvent } from '../../../core/events.js';
import type { DailyWindow } from '../../../core/strategy/types.js';
import { CallerNumberType } from './callerNumberType.js';
import { jobStatusOf } from './jobInfoStatus.js';
import { shanghaiDate, shanghaiDateTime, timeOfDay } from './shanghaiTime.js';

/** BaiYing's jobType: 1 定时 (starts at a set time), 2 手动 (started by hand). */
const JobType = { Scheduled: 1, Manual: 2 } as const;

/** The calling hours: the span from the first window to the last; no windows means the whole day. */
function workingHours(windows: DailyWindow[]) {
  const first = windows[0];
  const last = windows[windows.length - 1];
  return {
    workingStartTime: timeOfDay(first?.begin ?? 0),
    workingEndTime: timeOfDay(last?.end ?? 86400),
  };
}

/** BaiYing knows one break (午休); it is told only when there are exactly two windows, the gap between them. */
function breakHours(windows: DailyWindow[]) {
  const [morning, afternoon] = windows;
  if (windows.length !== 2 || !morning || !afternoon) return { breakStartTime: null, breakEndTime: null };
  return { breakStartTime: timeOfDay(morning.end), breakEndTime: timeOfDay(afternoon.begin) };
}

/** The `data` of a JOB_INFO_RESULT callback: one job group (BaiYing's callJob) that ended. */
export function jobInfoResult(event: JobGroupEvent) {
  const { group } = event;
  const { strategy } = group;
  const hours = workingHours(strategy.workingTime);
  return {
    callJobId: group.id,
    companyId: group.instanceId,
    jobName: group.name,
    jobType: strategy.startTime === undefined ? JobType.Manual : JobType.Scheduled,
    startDate: shanghaiDate(strategy.startTime ?? group.startedAt ?? group.createdAt),
    endDate: shanghaiDate(strategy.endTime ?? group.finishedAt ?? event.occurredAt),
    ...hours,
    ...breakHours(strategy.workingTime),
    status: jobStatusOf(group.status),
    // Outdial's lines are trunks; BaiYing calls a trunk caller number a fixed line.
    callType: CallerNumberType.FixedLine,
    // Outdial's one Script stands for BaiYing's robot, its scene and the scene's recordings.
    robotDefId: group.scriptId,
    sceneDefId: group.scriptId,
    sceneRecordId: group.scriptId,
    remark: group.description,
    smsType: 0,
    smsCondition: null,
    smsTemplateId: null,
    // The tenant is the only owner Outdial knows of.
    userId: group.instanceId,
    userName: '',
    // Where BaiYing ran the job; not part of the event.
    ip: '',
    hostName: '',
    // BaiYing's row lock version; the group snapshot in the event carries none.
    version: 0,
    secondaryStartTime: hours.workingStartTime,
    jobIsDelete: false,
    gmtCreate: shanghaiDateTime(group.createdAt),
    gmtModified: shanghaiDateTime(group.modifiedAt),
  };
}
