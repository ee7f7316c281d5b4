import type { FailureReason, JobGroupPriority, JobGroupStatus, JobStatus, TaskStatus } from './enums.js';
import type { TaskRecording } from './events.js';
import type { AttemptHistory, RecallStrategy, Strategy } from './strategy/types.js';

/** A tenant: a business with its own job groups, line groups and keys. */
export interface Instance {
  id: string;
  name: string;
  description: string;
  createdAt: number;
}

export const SCRIPT_STATUSES = ['PUBLISHED', 'DRAFTED'] as const;
export type ScriptStatus = (typeof SCRIPT_STATUSES)[number];

/** The robot's conversation a job group runs (话术). */
export interface Script {
  id: string;
  instanceId: string;
  name: string;
  description: string;
  industry: string;
  scene: string;
  /** PUBLISHED once a version has been published (calls run that one), DRAFTED before. */
  status: ScriptStatus;
  /** The body's language (`zh` or `en`). */
  language: string;
  /** Versions written so far; every change of the body is a new one. */
  latestVersion: number;
  /** The version new job groups run; null until one is published. */
  publishedVersion: number | null;
  createdAt: number;
  modifiedAt: number;
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
  /** The script version its calls run, fixed when it is given its script; null without a script. */
  scriptVersion: number | null;
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
  /** The call's kept recording; null when none is kept. */
  recording: TaskRecording | null;
}

/** Where a job group stands: what a progress view, DescribeJobGroup and GetSummaryInfo report. */
export interface JobGroupProgress {
  jobGroupId: string;
  status: JobGroupStatus;
  totalJobs: number;
  /** Jobs by JobStatus name; every status present, 0 when none. */
  jobsByStatus: Record<keyof typeof import('./enums.js').JobStatus, number>;
  /** Ended jobs by FailureReason name; only reasons that occur. */
  failureReasons: Partial<Record<keyof typeof import('./enums.js').FailureReason, number>>;
  /** Tasks (call attempts) by TaskStatus name; only statuses that occur. */
  tasksByStatus: Partial<Record<keyof typeof import('./enums.js').TaskStatus, number>>;
  /** Call attempts made (tasks), and how many of them were answered. */
  attempts: number;
  answered: number;
  /** answered / attempts that ended; 0 before any ended. */
  answerRate: number;
  /** Seconds talked over all answered calls. */
  talkSeconds: number;
  /** Dials the contact policy refused (the job failed) and deferred (the job waited), by reason. */
  guardedDials?: { refused: Record<string, number>; deferred: Record<string, number> };
  /** First call placed and last call ended, UTC ms. */
  firstCallAt: number | null;
  lastCallEndAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
}
