import { TaskStatus } from '../../../core/enums.js';

/** The PDS `hangupReason` codes and names (research notes §2, from a production PDS client); 10 and 11 are unused. */
export const HANGUP_REASONS = {
  0: 'Unknown',
  1: 'NoAgent after answer',
  2: 'Normal',
  3: 'Busy',
  4: 'Not In Use',
  5: 'Hold',
  6: 'Switched Off',
  7: 'Out of Area',
  8: 'Invalid',
  9: 'Wrong Number',
  12: 'Talked',
  13: 'AgentReject',
  14: 'UseHangUp',
  15: 'Fusing',
  16: 'AMD',
  17: 'Agent Network Failed',
  18: 'Call Attempt Limits',
  19: 'Contact Short Abandoned',
  20: 'Do-Not-Call',
} as const;
export type HangupReason = keyof typeof HANGUP_REASONS;

/**
 * Why a call ended, in PDS words. The PDS list has no "no answer" and no "line error": those calls say
 * Unknown and their TaskStatus name travels in `callResultType`. Calls Outdial cleared itself
 * (Cancelled, Terminated, VerificationCancelled) are Normal; an answered call (Succeeded) is Talked,
 * as no agent queue stands between the answer and the conversation. A call still Executing has not
 * hung up: Unknown.
 */
export const HANGUP_REASON_OF_TASK_STATUS: Record<TaskStatus, HangupReason> = {
  [TaskStatus.Executing]: 0,
  [TaskStatus.Succeeded]: 12,
  [TaskStatus.NoAnswer]: 0,
  [TaskStatus.NotExist]: 8,
  [TaskStatus.Busy]: 3,
  [TaskStatus.Cancelled]: 2,
  [TaskStatus.Failed]: 0,
  [TaskStatus.NotConnected]: 7,
  [TaskStatus.PoweredOff]: 6,
  [TaskStatus.OutOfService]: 4,
  [TaskStatus.InArrears]: 4,
  [TaskStatus.EmptyNumber]: 8,
  [TaskStatus.PerDayCallCountLimit]: 18,
  [TaskStatus.ContactBlockList]: 20,
  [TaskStatus.CallerNotRegistered]: 0,
  [TaskStatus.Terminated]: 2,
  [TaskStatus.VerificationCancelled]: 2,
};

export const hangupReasonOf = (status: TaskStatus): HangupReason => HANGUP_REASON_OF_TASK_STATUS[status] ?? 0;
