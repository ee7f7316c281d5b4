import type { JobGroupStatus } from '../../../core/enums.js';

/** BaiYing's job (callJob) `status` codes, seed 004. */
export const BaiyingJobStatus = {
  /** 未开始 */
  NotStarted: 0,
  /** 进行中 */
  Running: 1,
  /** 已完成 */
  Completed: 2,
  /** 调度中 */
  Scheduling: 3,
  /** 手动暂停 */
  PausedByUser: 4,
  /** 自动暂停 */
  PausedAutomatically: 5,
  /** 已终止 */
  Terminated: 6,
  /** 排队中 */
  Queued: 7,
  /** AI到期 */
  AiExpired: 8,
  /** 账户欠费 */
  AccountInArrears: 9,
} as const;
export type BaiyingJobStatus = (typeof BaiyingJobStatus)[keyof typeof BaiyingJobStatus];

/**
 * Every job group status as a BaiYing job status. JOB_INFO_RESULT is sent only for Completed and Cancelled;
 * the others are mapped so that a group snapshot in any state still renders.
 */
export const JOB_STATUS_BY_GROUP_STATUS: Record<JobGroupStatus, BaiyingJobStatus> = {
  Draft: BaiyingJobStatus.NotStarted,
  Scheduling: BaiyingJobStatus.Scheduling,
  Executing: BaiyingJobStatus.Running,
  Paused: BaiyingJobStatus.PausedByUser,
  Completed: BaiyingJobStatus.Completed,
  Cancelled: BaiyingJobStatus.Terminated,
};

export const jobStatusOf = (status: JobGroupStatus): BaiyingJobStatus =>
  JOB_STATUS_BY_GROUP_STATUS[status] ?? BaiyingJobStatus.NotStarted;
