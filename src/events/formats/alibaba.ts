import { failureReasonName, jobStatusName, taskStatusName } from '../../core/enums.js';
import { isJobGroupEvent, type JobEvent, type JobSnapshot, type TaskSnapshot } from '../../core/events.js';
import type { EventFormat } from '../format.js';
import { recordingFields } from './alibaba/recordingFields.js';

/**
 * Alibaba OutboundBot's event push (seed 001, "任务完成消息"): the message bodies its RocketMQ topic carries,
 * key for key and in the same key order. JobComplete and the call events (Dialing, CallAnswered,
 * CallFinished) share one body ("任务级别/通话级别消息体"); RecordingReady has its own ("录音级别消息体").
 * The vendor has no message for a finished job group, so JobGroupComplete renders to nothing.
 *
 * `id` is the job's id. Enums go by name. A job with no FailureReason (running or succeeded) sends
 * `failureReason: ""`, as this project's Alibaba API face does: the key stays a string as in the example,
 * and `"Unknown"` would tell the receiver an error happened (the vendor's Unknown is "未知错误").
 * Times not reached yet are 0, also as that face does.
 *
 * The vendor's messages carry no dialogue or grade, so a task's robot result is not sent here; a receiver
 * reads it with DescribeJob (each Task's Conversation, the Job's Summary) on this project's Alibaba face.
 */
export const alibabaFormat: EventFormat = (event) => {
  if (isJobGroupEvent(event)) return null;
  const body = event.type === 'RecordingReady' ? recordingBody(event) : jobBody(event);
  return { body: JSON.stringify(body), contentType: 'application/json', key: event.type };
};

function header(event: JobEvent) {
  return {
    eventType: event.type,
    eventTime: event.occurredAt,
    instanceId: event.instanceId,
    groupId: event.jobGroupId,
    id: event.job.id,
  };
}

/** JobComplete carries every task of the job; a call event carries its own task. */
function jobBody(event: JobEvent) {
  const { job } = event;
  const tasks = event.type === 'JobComplete' ? event.tasks : event.task ? [event.task] : [];
  return {
    ...header(event),
    status: jobStatusName(job.status),
    failureReason: job.failureReason === null ? '' : failureReasonName(job.failureReason),
    extras: extrasOf(job),
    contacts: contactsOf(job),
    tasks: tasks.map(taskOf),
  };
}

function recordingBody(event: JobEvent) {
  const taskId = event.task?.id ?? event.taskId ?? '';
  return {
    ...header(event),
    extras: extrasOf(event.job),
    contacts: contactsOf(event.job),
    recording: { taskId, callId: taskId, ...recordingFields(event.task) },
  };
}

const extrasOf = (job: JobSnapshot) => job.extras.map((e) => ({ key: e.key, value: e.value }));

/**
 * Contacts have no id of their own in Outdial; the vendor's example gives a contact the id of its
 * referenceId, so that is the id, falling back to the job's referenceId and then the job's id.
 */
const contactsOf = (job: JobSnapshot) =>
  job.contacts.map((c) => ({
    id: c.referenceId || job.referenceId || job.id,
    honorific: c.honorific,
    name: c.name,
    phoneNumber: c.phoneNumber,
    referenceId: c.referenceId,
  }));

/** `planedTime` is the vendor's spelling on the wire; the call id is the task's id. */
const taskOf = (t: TaskSnapshot) => ({
  id: t.id,
  callId: t.id,
  planedTime: t.plannedTime,
  actualTime: t.actualTime ?? 0,
  endTime: t.endTime ?? 0,
  callingNumber: t.callingNumber,
  calledNumber: t.calledNumber,
  status: taskStatusName(t.status),
});
