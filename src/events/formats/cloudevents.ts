import { failureReasonName, jobStatusName, taskStatusName } from '../../core/enums.js';
import {
  type EventType,
  isJobGroupEvent,
  type JobEvent,
  type JobSnapshot,
  type OutdialEvent,
  type TaskSnapshot,
} from '../../core/events.js';
import type { EventFormat } from '../format.js';

/**
 * Outdial's native event format: CloudEvents 1.0 in structured JSON mode
 * (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md), content type
 * `application/cloudevents+json`. This is the documented schema of Outdial's own events.
 *
 * Attributes:
 * - `specversion` "1.0"; `id` the event id (a redelivery carries the same id: dedupe on source + id);
 * - `source` `/instances/<instanceId>/job-groups/<jobGroupId>` (segments percent-encoded);
 * - `type` one of CLOUD_EVENT_TYPES (`com.outdial.call.dialing` …);
 * - `subject` the job id for job events, the job group id for `com.outdial.jobgroup.complete`;
 * - `time` when it happened, RFC 3339 UTC with milliseconds; `datacontenttype` `application/json`.
 *
 * `data` is the OutdialEvent itself (src/core/events.ts), field for field, camelCase, with one rule:
 * JobStatus, FailureReason and TaskStatus go by name (`"Failed"`, `"NoAnswer"`), never by numeric code,
 * and a job without a failure reason has `failureReason: null`. Every instant is UTC epoch milliseconds
 * (a number); durations keep the units src/core/types.ts gives them (a task's ringDuration and
 * talkDuration are milliseconds, a group's ringingDuration seconds).
 *
 * A task carries `robot`, the voice robot's result of the call (TaskRobotResult in src/core/events.ts) as
 * it is: `scriptVersion`, `level` (A–F, null when the robot could not talk), `label`, `rule` (the level rule
 * that fired), `tags`, `endReason` (completed | transferred | callerHungUp | silence | noMatch | maxRounds |
 * error; null when nobody answered), `rounds`, `transferTo`, and `transcript` (lines of `seq`, `speaker`
 * robot | contact, `text`, `at` UTC ms, `nodeId`, and for the contact's lines `kind`, `intent`, `words`).
 * It is null when the job group runs no script, and before the call's outcome (Dialing, CallAnswered).
 *
 * The routing key is the type without `com.outdial.` (`call.dialing`), for AMQP and NATS subjects.
 */
export const CLOUD_EVENT_TYPES: Record<EventType, string> = {
  Dialing: 'com.outdial.call.dialing',
  CallAnswered: 'com.outdial.call.answered',
  CallFinished: 'com.outdial.call.finished',
  JobComplete: 'com.outdial.job.complete',
  RecordingReady: 'com.outdial.recording.ready',
  JobGroupComplete: 'com.outdial.jobgroup.complete',
};

const TYPE_PREFIX = 'com.outdial.';

export const cloudEventsFormat: EventFormat = (event) => {
  const type = CLOUD_EVENT_TYPES[event.type];
  const subject = isJobGroupEvent(event) ? event.jobGroupId : event.jobId;
  const time = rfc3339(event.occurredAt);
  const cloudEvent = {
    specversion: '1.0',
    id: event.id,
    source: sourceOf(event),
    type,
    // Both are optional in CloudEvents and must not be empty when present.
    ...(subject !== '' ? { subject } : {}),
    ...(time !== undefined ? { time } : {}),
    datacontenttype: 'application/json',
    data: isJobGroupEvent(event) ? event : jobEventData(event),
  };
  return {
    body: JSON.stringify(cloudEvent),
    contentType: 'application/cloudevents+json',
    key: type.slice(TYPE_PREFIX.length),
  };
};

const sourceOf = (e: OutdialEvent) =>
  `/instances/${encodeURIComponent(e.instanceId)}/job-groups/${encodeURIComponent(e.jobGroupId)}`;

/** RFC 3339 needs a four-digit year; outside that (or for NaN) there is no valid `time`, so none is sent. */
function rfc3339(ms: number): string | undefined {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  return Number.isNaN(year) || year < 0 || year > 9999 ? undefined : d.toISOString();
}

function jobEventData(e: JobEvent) {
  return { ...e, job: jobData(e.job), task: e.task === null ? null : taskData(e.task), tasks: e.tasks.map(taskData) };
}

const jobData = (j: JobSnapshot) => ({
  ...j,
  status: jobStatusName(j.status),
  failureReason: j.failureReason === null ? null : failureReasonName(j.failureReason),
});

const taskData = (t: TaskSnapshot) => ({ ...t, status: taskStatusName(t.status) });
