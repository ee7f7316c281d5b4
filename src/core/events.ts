import type { FailureReason, JobStatus, TaskStatus } from './enums.js';
import type { Contact, Extra } from './types.js';

/**
 * What Outdial tells the outside, in its own words. The names are seed 001's EventType values; every
 * vendor format (src/events/formats/) is a mapping of these.
 * - Dialing: a task (call attempt) started.
 * - CallAnswered: the callee answered (emitted when the call's outcome is recorded, with the answer time).
 * - CallFinished: the call ended: hung up, or not answered in time.
 * - JobComplete: the job reached a final JobStatus (Succeeded, Failed, Cancelled).
 * - RecordingReady: a call's recording exists (none with simulated lines; the type is reserved).
 */
export const EVENT_TYPES = ['Dialing', 'CallAnswered', 'CallFinished', 'JobComplete', 'RecordingReady'] as const;
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
}

export interface OutdialEvent {
  /** Unique and stable: a redelivery carries the same id, so receivers dedupe by it. */
  id: string;
  type: EventType;
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
