/**
 * The enums of Alibaba OutboundBot (seed 001), names and numeric codes exactly as the seed gives them.
 * FailureReason 12 and 13 (InArrears, OutOfService) follow the order of the vendor's newer SDK, which
 * extends the seed's list; the recall strategy needs them.
 */

export const JobStatus = {
  Scheduling: 0,
  Executing: 1,
  Succeeded: 2,
  Paused: 3,
  Failed: 4,
  Cancelled: 5,
} as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

export const FailureReason = {
  Unknown: 0,
  NoAnswer: 1,
  InvalidStrategy: 2,
  TimeUp: 3,
  NoStrategy: 4,
  CallFailed: 5,
  PerDayCallCountLimit: 6,
  ContactBlockList: 7,
  EmptyNumber: 8,
  JobPerDayCallCountLimit: 9,
  VerificationCancelled: 10,
  ContactSuspended: 11,
  InArrears: 12,
  OutOfService: 13,
} as const;
export type FailureReason = (typeof FailureReason)[keyof typeof FailureReason];

export const TaskStatus = {
  Executing: 0,
  Succeeded: 1,
  NoAnswer: 2,
  NotExist: 3,
  Busy: 4,
  Cancelled: 5,
  Failed: 6,
  NotConnected: 7,
  PoweredOff: 8,
  OutOfService: 9,
  InArrears: 10,
  EmptyNumber: 11,
  PerDayCallCountLimit: 12,
  ContactBlockList: 13,
  CallerNotRegistered: 14,
  Terminated: 15,
  VerificationCancelled: 16,
} as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** Job group priority: `Urgent` groups are served before `Daily` ones. Lower rank = served first. */
export const JobGroupPriority = { Urgent: 0, Daily: 1 } as const;
export type JobGroupPriority = keyof typeof JobGroupPriority;

/** Job group lifecycle (the vendor's JobGroup Status names). */
export const JOB_GROUP_STATUSES = ['Draft', 'Scheduling', 'Executing', 'Paused', 'Completed', 'Cancelled'] as const;
export type JobGroupStatus = (typeof JOB_GROUP_STATUSES)[number];

function invert<T extends Record<string, number>>(o: T): Record<number, keyof T & string> {
  const out: Record<number, keyof T & string> = {};
  for (const [k, v] of Object.entries(o)) out[v] = k as keyof T & string;
  return out;
}

const jobStatusNames = invert(JobStatus);
const failureReasonNames = invert(FailureReason);
const taskStatusNames = invert(TaskStatus);

export const jobStatusName = (s: JobStatus): keyof typeof JobStatus => jobStatusNames[s] ?? 'Scheduling';
export const failureReasonName = (r: FailureReason): keyof typeof FailureReason => failureReasonNames[r] ?? 'Unknown';
export const taskStatusName = (s: TaskStatus): keyof typeof TaskStatus => taskStatusNames[s] ?? 'Executing';

export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = [JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled];
export const isTerminalJobStatus = (s: JobStatus): boolean => TERMINAL_JOB_STATUSES.includes(s);
