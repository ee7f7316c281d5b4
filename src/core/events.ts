import type { FailureReason, JobStatus, TaskStatus } from './enums.js';
import type { Contact, Extra, JobGroup, JobGroupProgress } from './types.js';

/**
 * What Outdial tells the outside, in its own words. The names are seed 001's EventType values; every
 * vendor format (src/events/formats/) is a mapping of these.
 * - Dialing: a task (call attempt) started.
 * - CallAnswered: the callee answered (emitted when the call's outcome is recorded, with the answer time).
 * - CallFinished: the call ended: hung up, or not answered in time.
 * - JobComplete: the job reached a final JobStatus (Succeeded, Failed, Cancelled).
 * - RecordingReady: a call's recording is kept and can be downloaded (task.recording); it follows the call's
 *   CallFinished.
 * - JobGroupComplete: the job group ended for good: Completed (its last job ended) or Cancelled. Seed 001
 *   has no such message; BaiYing's JOB_INFO_RESULT and Airudder's plan/task webhooks are made from it.
 */
export const JOB_EVENT_TYPES = ['Dialing', 'CallAnswered', 'CallFinished', 'JobComplete', 'RecordingReady'] as const;
export type JobEventType = (typeof JOB_EVENT_TYPES)[number];
export const EVENT_TYPES = [...JOB_EVENT_TYPES, 'JobGroupComplete'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** A job as it stood when the event happened. */
export interface JobSnapshot {
  id: string;
  instanceId: string;
  jobGroupId: string;
  referenceId: string;
  status: JobStatus;
  failureReason: FailureReason | null;
  contacts: Contact[];
  extras: Extra[];
  /** Attempts made so far. */
  attempts: number;
}

/** A task (call attempt) as it stood when the event happened. */
export interface TaskSnapshot {
  id: string;
  attempt: number;
  status: TaskStatus;
  plannedTime: number;
  actualTime: number | null;
  answeredAt: number | null;
  endTime: number | null;
  callingNumber: string;
  calledNumber: string;
  hangupCause: string | null;
  sipCode: number | null;
  ringDuration: number;
  talkDuration: number;
  /** What the voice robot made of the call; absent or null when the group runs no script. */
  robot?: TaskRobotResult | null;
  /** The call's recording; absent or null when none is kept (not answered, or recording is off). */
  recording?: TaskRecording | null;
}

/** A call's kept recording: what RecordingReady announces and the call's events link to. */
export interface TaskRecording {
  /** e.g. `0193….wav`: µ-law WAV, 8 kHz mono. */
  fileName: string;
  /** Where it is downloaded from (the server's REST API, with an API key). */
  url: string;
  durationMs: number;
  /** Bytes. */
  size: number;
}

/** One line of a call's dialogue: who spoke, what, when, and how the robot understood the customer. */
export interface TranscriptLine {
  seq: number;
  speaker: 'robot' | 'contact';
  /** Robot: the prompt as spoken. Contact: the utterance, `[dtmf 1]`, or '' for silence. */
  text: string;
  /** UTC ms. */
  at: number;
  /** The script node the robot was on. */
  nodeId: string;
  /** Contact lines: branch | global | knowledge | noMatch | silence | ignored | hangup. */
  kind?: string;
  /** Contact lines: the intent hit and the words that hit it. */
  intent?: string;
  words?: string[];
}

/** The robot's grade and dialogue of one call (BaiYing taskResult and phoneLogs, Alibaba Summary and Conversation). */
export interface TaskRobotResult {
  scriptVersion: number;
  /** A–F; null when the robot could not talk (`endReason` error). */
  level: string | null;
  /** e.g. `A(有明确意向)` or `A (clear interest)`. */
  label: string;
  /** The level rule that fired (its description), or why the robot could not talk. */
  rule: string;
  tags: string[];
  /** completed | transferred | callerHungUp | silence | noMatch | maxRounds | error; null for an unanswered call. */
  endReason: string | null;
  /** Robot turns. */
  rounds: number;
  /** Where a transfer node handed the call. */
  transferTo: string | null;
  transcript: TranscriptLine[];
}

/** An event about one job (and its task, for call events). */
export interface JobEvent {
  /** Unique and stable: a redelivery carries the same id, so receivers dedupe by it. */
  id: string;
  type: JobEventType;
  /** When it happened, UTC ms. */
  occurredAt: number;
  instanceId: string;
  jobGroupId: string;
  jobId: string;
  taskId: string | null;
  job: JobSnapshot;
  /** The task the event is about (Dialing, CallAnswered, CallFinished, RecordingReady). */
  task: TaskSnapshot | null;
  /** JobComplete: every task of the job, in attempt order. */
  tasks: TaskSnapshot[];
}

/** An event about a whole job group. */
export interface JobGroupEvent {
  id: string;
  type: 'JobGroupComplete';
  occurredAt: number;
  instanceId: string;
  jobGroupId: string;
  jobId: null;
  taskId: null;
  /** The group as it stood right after the change (status Completed or Cancelled). */
  group: Omit<JobGroup, 'version'>;
  /** Its jobs and calls at that moment. */
  progress: JobGroupProgress;
}

export type OutdialEvent = JobEvent | JobGroupEvent;

export const isJobGroupEvent = (e: OutdialEvent): e is JobGroupEvent => e.type === 'JobGroupComplete';
