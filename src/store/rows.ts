import type { FailureReason, JobGroupStatus, JobStatus, TaskStatus } from '../core/enums.js';
import { JobGroupPriority } from '../core/enums.js';
import type { TaskRecording } from '../core/events.js';
import type { AttemptHistory, RecallStrategy, Strategy } from '../core/strategy/types.js';
import type { Instance, Job, JobGroup, Line, LineGroup, Script, ScriptStatus, Task } from '../core/types.js';
import type { Script as ScriptBody } from '../robot/script/model.js';
import type { JobGroupRow, JobRow, LineGroupRow, LineRow, ScriptRow, ScriptVersionRow, TaskRow } from './schema.js';
import type { ScriptVersion, ScriptVersionInfo } from './scripts/scriptVersion.js';

/** Row ↔ domain mapping: the one place that knows how a domain object is laid out in columns. */

export const priorityRank = (p: keyof typeof JobGroupPriority): number => JobGroupPriority[p];
export const priorityName = (rank: number): keyof typeof JobGroupPriority => (rank === 0 ? 'Urgent' : 'Daily');

export function toJobGroup(r: JobGroupRow): JobGroup {
  return {
    id: r.id,
    instanceId: r.instance_id,
    name: r.name,
    description: r.description,
    scriptId: r.script_id,
    scriptVersion: r.script_version,
    status: r.status as JobGroupStatus,
    priority: priorityName(r.priority),
    strategy: JSON.parse(r.strategy) as Strategy,
    recallStrategy: JSON.parse(r.recall_strategy) as RecallStrategy,
    lineGroupIds: JSON.parse(r.line_group_ids) as string[],
    ringingDuration: r.ringing_duration,
    concurrency: r.concurrency,
    timeZone: r.time_zone,
    createdAt: r.created_at,
    modifiedAt: r.modified_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    version: r.version,
  };
}

export function toLineGroup(r: LineGroupRow, lines: LineRow[]): LineGroup {
  return {
    id: r.id,
    instanceId: r.instance_id,
    name: r.name,
    capacity: r.capacity,
    callsPerSecond: r.calls_per_second,
    createdAt: r.created_at,
    lines: lines
      .filter((l) => l.line_group_id === r.id)
      .sort((a, b) => a.position - b.position)
      .map(toLine),
  };
}

export function toLine(l: LineRow): Line {
  return {
    id: l.id,
    lineGroupId: l.line_group_id,
    position: l.position,
    callingNumber: l.calling_number,
    capacity: l.capacity,
  };
}

/** The attempt history a job row carries, as the strategy functions take it. */
export function historyOf(r: Pick<JobRow, 'attempts' | 'day_key' | 'day_attempts' | 'last_ended_at'>): AttemptHistory {
  return { attempts: r.attempts, dayKey: r.day_key, dayAttempts: r.day_attempts, lastEndedAt: r.last_ended_at };
}

export function toJob(r: JobRow): Job {
  return {
    id: r.id,
    instanceId: r.instance_id,
    jobGroupId: r.job_group_id,
    referenceId: r.reference_id,
    status: r.status as JobStatus,
    failureReason: r.failure_reason as FailureReason | null,
    priority: r.priority,
    contacts: JSON.parse(r.contacts),
    extras: JSON.parse(r.extras),
    timeZone: r.time_zone,
    strategy: r.strategy === null ? null : (JSON.parse(r.strategy) as Strategy),
    nextAttemptAt: r.next_attempt_at,
    history: historyOf(r),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
    version: r.version,
  };
}

export function toTask(r: TaskRow): Task {
  return {
    id: r.id,
    jobId: r.job_id,
    jobGroupId: r.job_group_id,
    instanceId: r.instance_id,
    attempt: r.attempt,
    status: r.status as TaskStatus,
    plannedTime: r.planned_time,
    actualTime: r.actual_time,
    endTime: r.end_time,
    callingNumber: r.calling_number,
    calledNumber: r.called_number,
    lineGroupId: r.line_group_id,
    lineId: r.line_id,
    hangupCause: r.hangup_cause,
    sipCode: r.sip_code,
    ringDuration: r.ring_duration,
    talkDuration: r.talk_duration,
    recording: taskRecording(r),
  };
}
/** The recording columns of a task row as events and views show them; null when none is kept. */
export function taskRecording(
  t: Pick<TaskRow, 'recording_file' | 'recording_url' | 'recording_duration' | 'recording_size'>,
): TaskRecording | null {
  if (t.recording_file === null) return null;
  return {
    fileName: t.recording_file,
    url: t.recording_url ?? '',
    durationMs: t.recording_duration ?? 0,
    size: t.recording_size ?? 0,
  };
}

export function toInstance(r: { id: string; name: string; description: string; created_at: number }): Instance {
  return { id: r.id, name: r.name, description: r.description, createdAt: r.created_at };
}

export function toScript(r: ScriptRow): Script {
  return {
    id: r.id,
    instanceId: r.instance_id,
    name: r.name,
    description: r.description,
    industry: r.industry,
    scene: r.scene,
    status: r.status as ScriptStatus,
    language: r.language,
    latestVersion: r.latest_version,
    publishedVersion: r.published_version,
    createdAt: r.created_at,
    modifiedAt: r.modified_at,
  };
}

/** A script version without its body and source: what a version listing shows. */
export function toScriptVersionInfo(
  r: Pick<ScriptVersionRow, 'script_id' | 'version' | 'created_at' | 'published_at'>,
): ScriptVersionInfo {
  return { scriptId: r.script_id, version: r.version, createdAt: r.created_at, publishedAt: r.published_at };
}

/** A script version with the body the robot runs (stored as JSON) and the text its author sent. */
export function toScriptVersion(r: ScriptVersionRow): ScriptVersion {
  return { ...toScriptVersionInfo(r), body: JSON.parse(r.body) as ScriptBody, source: r.source };
}
