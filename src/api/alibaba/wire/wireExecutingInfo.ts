import type { JobGroupProgress } from '../../../core/types.js';
import { progressCounts } from './wireProgress.js';

/**
 * DescribeGroupExecutingInfo's `ExecutingInfo`. Call outcomes Outdial does not grade yet (who hung up,
 * transfers, talk turns) are 0 or an empty JSON object.
 */
export function wireExecutingInfo(p: JobGroupProgress) {
  const c = progressCounts(p);
  return {
    CallNum: p.attempts,
    CallFailedNum: c.notAnswered,
    FinishedNum: p.answered,
    HangUpByClientNum: 0,
    NoInteractionNum: 0,
    TransferByIntentNum: 0,
    TransferByNoAnswer: 0,
    /** Seconds per answered call. */
    AvgTalkTime: p.answered > 0 ? Math.round(p.talkSeconds / p.answered) : 0,
    StartTime: p.firstCallAt ?? 0,
    EndTime: p.lastCallEndAt ?? 0,
    DurationDistribution: '{}',
    TalkTurnsDistribution: '{}',
    CreatorName: '',
    JobsProgress: {
      TotalJobs: c.totalJobs,
      TotalCompletedNum: c.completed,
      SchedulingNum: c.scheduling,
      ExecutingNum: c.executing,
      PausedNum: c.paused,
      FailedNum: c.failed,
      CancelledNum: c.cancelled,
      TotalNotAnsweredNum: c.notAnswered,
    },
  };
}
