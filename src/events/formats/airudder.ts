/**
 * Outdial events as Airudder's workflow PDS (predictive dialer) callback.
 *
 * Where the shape comes from:
 * - Seed 002, "PDS 任务状态更改回调" (lines 170–293): the envelope `{workflow_id, workflow_name, nodetask_id,
 *   nodetask_name, pds: {type, body}}`, all four names required strings, and the TaskStatus body with its
 *   example (taskId … talkResultCount). The seed says the callback fires on every task, contact and agent
 *   state change, with one body shape per type, but shows only the TaskStatus one. We keep the envelope:
 *   it is the only PDS callback the seed documents, and the bare `{type, body}` of the research notes is its
 *   `pds` member.
 * - Research notes §2 (a production PDS client): the ContactStatus body fields (callType … nthCall), the
 *   contact states, the hangupReason codes, the task states. The contact state travels in `state`, as the
 *   seed's TaskStatus body names its own.
 * - Ours, documented where they are made: `callType` "Outbound" and `callResultType` (no value list is
 *   known); the TaskStatus → hangupReason table (airudder/hangupReasons.ts); times as UTC `Z` to the second,
 *   "" when unknown, as the seed's example writes them.
 *
 * Ids: Airudder's workflow, node task and PDS task are all Outdial's job group, so `workflow_id`,
 * `nodetask_id` and `taskId` carry the job group id, and the names its name (empty in job events, which do
 * not carry it). `callid` is the Outdial task id.
 *
 * The voice robot stands in the agent's seat: its grade of the call (the task's robot result) fills a
 * ContactStatus's talkResult (the level's label), talkremarks (the rule that fired) and customizeResults
 * (`Level` and `Tags`), see airudder/robotFields.ts.
 *
 * Events: Dialing → ContactStatus CALLING; CallAnswered → ANSWERED; CallFinished → HANGUP, `callResultType`
 * the TaskStatus name. JobComplete (redials exhausted or the job ended otherwise) → TALKRESULT with the
 * last call's fields and `callResultType` the job's FailureReason name, or its JobStatus name when it has
 * no failure reason. JobGroupComplete → TaskStatus, state Finished or Cancelled. RecordingReady → nothing:
 * the PDS has no recording message; the link rides on the contact's `reclink` (HANGUP and TALKRESULT carry
 * it: a call's recording is kept before its CallFinished is written).
 */
import { failureReasonName, jobStatusName, taskStatusName } from '../../core/enums.js';
import { isJobGroupEvent, type JobEvent } from '../../core/events.js';
import type { EventFormat, FormattedEvent } from '../format.js';
import { type ContactStatusBody, contactStatusBody } from './airudder/contactStatusBody.js';
import { type TaskStatusBody, taskStatusBody } from './airudder/taskStatusBody.js';

export type PdsMessage =
  | { type: 'TaskStatus'; body: TaskStatusBody }
  | { type: 'ContactStatus'; body: ContactStatusBody };

export interface WorkflowPdsCallback {
  workflow_id: string;
  workflow_name: string;
  nodetask_id: string;
  nodetask_name: string;
  pds: PdsMessage;
}

function jobMessage(e: JobEvent): PdsMessage | null {
  const task = e.task;
  const taskResult = task ? taskStatusName(task.status) : '';
  switch (e.type) {
    case 'Dialing':
      return { type: 'ContactStatus', body: contactStatusBody(e, 'CALLING', task, taskResult) };
    case 'CallAnswered':
      return { type: 'ContactStatus', body: contactStatusBody(e, 'ANSWERED', task, taskResult) };
    case 'CallFinished':
      return { type: 'ContactStatus', body: contactStatusBody(e, 'HANGUP', task, taskResult) };
    case 'JobComplete': {
      const last = e.tasks.at(-1) ?? task;
      const jobResult =
        e.job.failureReason === null ? jobStatusName(e.job.status) : failureReasonName(e.job.failureReason);
      return { type: 'ContactStatus', body: contactStatusBody(e, 'TALKRESULT', last, jobResult) };
    }
    case 'RecordingReady':
      return null;
  }
}

function render(callback: WorkflowPdsCallback): FormattedEvent {
  return { body: JSON.stringify(callback), contentType: 'application/json', key: callback.pds.type };
}

export const airudderFormat: EventFormat = (event) => {
  if (isJobGroupEvent(event)) {
    const { id, name } = event.group;
    return render({
      workflow_id: id,
      workflow_name: name,
      nodetask_id: id,
      nodetask_name: name,
      pds: { type: 'TaskStatus', body: taskStatusBody(event) },
    });
  }
  const pds = jobMessage(event);
  if (!pds) return null;
  return render({
    workflow_id: event.jobGroupId,
    workflow_name: '',
    nodetask_id: event.jobGroupId,
    nodetask_name: '',
    pds,
  });
};
