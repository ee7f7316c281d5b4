import { type TaskStatus, taskStatusName } from '../../../core/enums.js';

/** BaiYing's `finishStatus` (通话状态) codes, seed 004. */
export const FinishStatus = {
  /** 已接通 */
  Answered: 0,
  /** 拒接 */
  Rejected: 1,
  /** 无法接通 */
  Unreachable: 2,
  /** 主叫号码不可用 */
  CallerUnavailable: 3,
  /** 空号 */
  EmptyNumber: 4,
  /** 关机 */
  PoweredOff: 5,
  /** 占线 */
  Busy: 6,
  /** 停机 */
  Suspended: 7,
  /** 未接 */
  NoAnswer: 8,
  /** 主叫欠费 */
  CallerInArrears: 9,
  /** 呼损 */
  CallLoss: 10,
  /** 黑名单 */
  BlockList: 11,
} as const;
export type FinishStatus = (typeof FinishStatus)[keyof typeof FinishStatus];

/**
 * Every TaskStatus as a finishStatus. Choices where the vendors' words differ:
 * - NoAnswer → 未接 (rang out). Outdial cannot tell a declined call from one that rang out, so 拒接 is never sent.
 * - InArrears is the callee's arrears; a carrier announces it as a suspended line, so 停机. BaiYing's 主叫欠费
 *   is the caller's own account, which Outdial has no notion of, so it is never sent.
 * - NotExist and EmptyNumber are both 空号; NotConnected (the callee's network did not reach the phone) is 无法接通.
 * - Outcomes on Outdial's side of the call (Failed, Cancelled, Terminated, a daily limit, a cancelled
 *   verification, and Executing, which a finished call should never carry) are 呼损: the call was lost before
 *   the callee could answer, through no state of the callee's line.
 */
export const FINISH_STATUS_BY_TASK_STATUS: Record<keyof typeof TaskStatus, FinishStatus> = {
  Executing: FinishStatus.CallLoss,
  Succeeded: FinishStatus.Answered,
  NoAnswer: FinishStatus.NoAnswer,
  NotExist: FinishStatus.EmptyNumber,
  Busy: FinishStatus.Busy,
  Cancelled: FinishStatus.CallLoss,
  Failed: FinishStatus.CallLoss,
  NotConnected: FinishStatus.Unreachable,
  PoweredOff: FinishStatus.PoweredOff,
  OutOfService: FinishStatus.Suspended,
  InArrears: FinishStatus.Suspended,
  EmptyNumber: FinishStatus.EmptyNumber,
  PerDayCallCountLimit: FinishStatus.CallLoss,
  ContactBlockList: FinishStatus.BlockList,
  CallerNotRegistered: FinishStatus.CallerUnavailable,
  Terminated: FinishStatus.CallLoss,
  VerificationCancelled: FinishStatus.CallLoss,
};

export const finishStatusOf = (status: TaskStatus): FinishStatus =>
  FINISH_STATUS_BY_TASK_STATUS[taskStatusName(status)];
