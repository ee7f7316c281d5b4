import type { JobStatus, TaskStatus } from '../../../core/enums.js';

/**
 * The vendor's display names (`StatusName` in QueryJobsWithResult), as its console and API documentation
 * word them.
 */
export const JOB_STATUS_LABELS: Record<keyof typeof JobStatus, string> = {
  Scheduling: '调度中',
  Executing: '执行中',
  Succeeded: '结束-已触达',
  Paused: '暂停',
  Failed: '结束-未触达',
  Cancelled: '已取消-人工干预',
};

export const TASK_STATUS_LABELS: Record<keyof typeof TaskStatus, string> = {
  Executing: '正在拨打',
  Succeeded: '已接通',
  NoAnswer: '未接通-无人接听',
  NotExist: '未接通-空号',
  Busy: '未接通-占线',
  Cancelled: '未呼出-任务停止',
  Failed: '失败',
  NotConnected: '未接通-无法接通',
  PoweredOff: '未接通-关机',
  OutOfService: '未接通-被叫停机',
  InArrears: '未接通-被叫欠费',
  EmptyNumber: '未呼出-空号不外呼',
  PerDayCallCountLimit: '未呼出-超出每日上限',
  ContactBlockList: '未呼出-黑名单',
  CallerNotRegistered: '未呼出-主叫号码未注册',
  Terminated: '未呼出-被终止',
  VerificationCancelled: '未呼出-呼叫前验证不通过取消',
};
