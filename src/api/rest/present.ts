import { failureReasonName, jobStatusName, taskStatusName } from '../../core/enums.js';
import type { RecallStrategy, Strategy } from '../../core/strategy/types.js';
import type { Instance, Job, JobGroup, LineGroup, Task } from '../../core/types.js';

/** REST shapes: camelCase, enums by name, instants as UTC milliseconds. */

const hms = (seconds: number): string =>
  [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');

/** A strategy as StrategyJson: what was accepted can be sent back as it is. */
export function strategyJson(s: Strategy) {
  return {
    ...(s.name !== undefined ? { name: s.name } : {}),
    repeatBy: s.repeatBy === 'immediate' ? null : s.repeatBy,
    repeatDays: s.repeatDays,
    workingTime: s.workingTime.map((w) => ({ beginTime: hms(w.begin), endTime: hms(w.end) })),
    holidays: s.holidays.map((h) => ({ begin: h.begin, end: h.end })),
    startTime: s.startTime ?? null,
    endTime: s.endTime ?? null,
    maxAttemptsPerDay: s.maxAttemptsPerDay,
    minAttemptInterval: s.minAttemptInterval,
    maxAttempts: s.maxAttempts ?? null,
  };
}

export const recallStrategyJson = (r: RecallStrategy) => ({ ...r });

export const instanceView = (i: Instance) => ({
  id: i.id,
  name: i.name,
  description: i.description,
  createdAt: i.createdAt,
});

export const lineGroupView = (g: LineGroup) => ({
  id: g.id,
  name: g.name,
  capacity: g.capacity,
  callsPerSecond: g.callsPerSecond,
  createdAt: g.createdAt,
  lines: g.lines.map((l) => ({ id: l.id, callingNumber: l.callingNumber, capacity: l.capacity, position: l.position })),
});

export const jobGroupView = (g: JobGroup) => ({
  id: g.id,
  name: g.name,
  description: g.description,
  scriptId: g.scriptId,
  scriptVersion: g.scriptVersion,
  status: g.status,
  priority: g.priority,
  strategy: strategyJson(g.strategy),
  recallStrategy: recallStrategyJson(g.recallStrategy),
  lineGroupIds: g.lineGroupIds,
  ringingDuration: g.ringingDuration,
  concurrency: g.concurrency,
  timeZone: g.timeZone,
  createdAt: g.createdAt,
  modifiedAt: g.modifiedAt,
  startedAt: g.startedAt,
  finishedAt: g.finishedAt,
  version: g.version,
});

export const taskView = (t: Task) => ({
  id: t.id,
  attempt: t.attempt,
  status: taskStatusName(t.status),
  plannedTime: t.plannedTime,
  actualTime: t.actualTime,
  endTime: t.endTime,
  callingNumber: t.callingNumber,
  calledNumber: t.calledNumber,
  lineGroupId: t.lineGroupId,
  hangupCause: t.hangupCause,
  sipCode: t.sipCode,
  ringDuration: t.ringDuration,
  talkDuration: t.talkDuration,
  recording: t.recording,
});

export const jobView = (j: Job) => ({
  id: j.id,
  jobGroupId: j.jobGroupId,
  referenceId: j.referenceId,
  status: jobStatusName(j.status),
  failureReason: j.failureReason === null ? null : failureReasonName(j.failureReason),
  priority: j.priority,
  phoneNumber: j.contacts[0]?.e164 ?? '',
  contacts: j.contacts.map((c) => ({
    phoneNumber: c.phoneNumber,
    e164: c.e164,
    name: c.name,
    honorific: c.honorific,
    referenceId: c.referenceId,
  })),
  extras: j.extras,
  timeZone: j.timeZone,
  strategy: j.strategy ? strategyJson(j.strategy) : null,
  attempts: j.history.attempts,
  nextAttemptAt: j.nextAttemptAt,
  createdAt: j.createdAt,
  updatedAt: j.updatedAt,
  finishedAt: j.finishedAt,
});
