import type { JobEvent, TaskSnapshot } from '../../../core/events.js';
import { type HangupReason, hangupReasonOf } from './hangupReasons.js';
import { isoTime } from './isoTime.js';
import { type RobotContactFields, robotContactFields } from './robotFields.js';

/** The PDS contact states (research notes §2). Outdial has no ringing event, so RINGING is never sent. */
export const CONTACT_STATES = ['CALLING', 'RINGING', 'ANSWERED', 'HANGUP', 'TALKRESULT'] as const;
export type ContactState = (typeof CONTACT_STATES)[number];

/** Outdial places outbound calls only; the notes give no value list for `callType`. */
export const CALL_TYPE = 'Outbound';

export interface ContactStatusBody extends RobotContactFields {
  state: ContactState;
  callType: string;
  callResultType: string;
  taskId: string;
  taskName: string;
  callid: string;
  phoneNumber: string;
  mainNumber: string;
  phoneTag: string;
  calltime: string;
  ringtime: string;
  answertime: string;
  talktime: string;
  endtime: string;
  customerInfo: Record<string, string>;
  hangupReason: HangupReason;
  /** The call's recording link; '' when none is kept. */
  reclink: string;
  nthCall: number;
}

/** When the callee's phone began to ring: the ringing ended at the answer, or at the hangup. */
function ringStart(task: TaskSnapshot): number | null {
  const ringEnd = task.answeredAt ?? task.endTime;
  if (ringEnd === null || !(task.ringDuration > 0)) return null;
  return ringEnd - task.ringDuration;
}

/** The job's extras as an object, plus its referenceId (which wins over an extra of that name). */
function customerInfoOf(e: JobEvent): Record<string, string> {
  return Object.fromEntries([...e.job.extras.map((x) => [x.key, x.value]), ['referenceId', e.job.referenceId]]);
}

/**
 * One contact's call as a PDS ContactStatus body. Airudder's task is Outdial's job group, so `taskId`
 * is the group id and `taskName` is empty (job events do not carry the group's name); `callid` is the
 * Outdial task id. Without a task (a job that ended before any call) the call fields are empty and
 * `phoneNumber` is the job's first contact. The robot's grade of the call fills the agent fields
 * (airudder/robotFields.ts); `reclink` is the call's kept recording.
 */
export function contactStatusBody(
  e: JobEvent,
  state: ContactState,
  task: TaskSnapshot | null,
  callResultType: string,
): ContactStatusBody {
  const robot = robotContactFields(task?.robot ?? null);
  const contact = e.job.contacts[0];
  return {
    state,
    callType: CALL_TYPE,
    callResultType,
    talkResult: robot.talkResult,
    taskId: e.jobGroupId,
    taskName: '',
    callid: task?.id ?? '',
    phoneNumber: task?.calledNumber ?? contact?.e164 ?? '',
    mainNumber: task?.callingNumber ?? '',
    agentName: robot.agentName,
    phoneTag: '',
    talkremarks: robot.talkremarks,
    calltime: isoTime(task?.actualTime),
    ringtime: task ? isoTime(ringStart(task)) : '',
    answertime: isoTime(task?.answeredAt),
    // No agent bridge: the conversation starts when the callee answers.
    talktime: isoTime(task?.answeredAt),
    endtime: isoTime(task?.endTime),
    customizeResults: robot.customizeResults,
    customerInfo: customerInfoOf(e),
    hangupReason: task ? hangupReasonOf(task.status) : 0,
    reclink: task?.recording?.url ?? '',
    nthCall: task?.attempt ?? e.job.attempts,
  };
}
