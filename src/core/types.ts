import type { FailureReason, JobGroupPriority, JobGroupStatus, JobStatus, TaskStatus } from './enums.js';
import type { AttemptHistory, RecallStrategy, Strategy } from './strategy/types.js';

/** A tenant: a business with its own job groups, line groups and keys. */
export interface Instance {
  id: string;
  name: string;
  createdAt: number;
}

/** One trunk or caller number inside a line group. */
export interface Line {
  id: string;
  lineGroupId: string;
  /** Order inside the group: lower is tried first. */
  position: number;
  /** The caller number presented on this line. */
  callingNumber: string;
  /** Concurrent calls this line can carry. */
  capacity: number;
}

/** Ordered lines with a shared ceiling on concurrent calls and on call starts per second. */
export interface LineGroup {
  id: string;
  instanceId: string;
  name: string;
  /** Concurrent calls across the group's lines. */
  capacity: number;
  /** Call starts per second across the group; 0 = unlimited. */
  callsPerSecond: number;
  lines: Line[];
  createdAt: number;
}

/** A campaign: a strategy, the lines to use and the jobs to reach. */
export interface JobGroup {
  id: string;
  instanceId: string;
  name: string;
  description: string;
  scriptId: string | null;
  status: JobGroupStatus;
  priority: JobGroupPriority;
  strategy: Strategy;
  recallStrategy: RecallStrategy;
  /** Line groups in failover order: a line failure on the first retries on the second, and so on. */
  lineGroupIds: string[];
  /** Seconds a call may ring before it is abandoned as NoAnswer (RingingDuration). */
  ringingDuration: number;
  /** Concurrent calls this group may hold; 0 = bounded only by its lines. */
  concurrency: number;
  /** IANA zone the strategy's windows are read in, unless a job gives its own. */
  timeZone: string;
  createdAt: number;
  modifiedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  version: number;
}

export interface Contact {
  /** As the user gave it. */
  phoneNumber: string;
  /** E.164, as dialled. */
  e164: string;
  name: string;
  honorific: string;
  referenceId: string;
}

export interface Extra {
  key: string;
  value: string;
}

/** One contact to reach, with the variables a script may use. */
export interface Job {
  id: string;
  instanceId: string;
  jobGroupId: string;
  referenceId: string;
  status: JobStatus;
  failureReason: FailureReason | null;
  priority: number;
  contacts: Contact[];
  extras: Extra[];
  /** The callee's own zone, overriding the group's. */
  timeZone: string | null;
  /** A strategy assigned with the job, overriding the group's. */
  strategy: Strategy | null;
  nextAttemptAt: number | null;
  history: AttemptHistory;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  version: number;
}

/** One call attempt. */
export interface Task {
  id: string;
  jobId: string;
  jobGroupId: string;
  instanceId: string;
  /** 1 for the job's first attempt, 2 for the second … */
  attempt: number;
  status: TaskStatus;
  plannedTime: number;
  actualTime: number | null;
  endTime: number | null;
  callingNumber: string;
  calledNumber: string;
  lineGroupId: string;
  lineId: string;
  hangupCause: string | null;
  sipCode: number | null;
  ringDuration: number;
  talkDuration: number;
}
