import type { JobGroupProgress } from '../../../core/types.js';

/** The counts both Progress spellings carry, from Outdial's progress. */
export function progressCounts(p: JobGroupProgress) {
  const jobs = p.jobsByStatus;
  const start = p.firstCallAt ?? p.startedAt ?? 0;
  const end = p.finishedAt ?? p.lastCallEndAt ?? start;
  return {
    totalJobs: p.totalJobs,
    completed: jobs.Succeeded + jobs.Failed + jobs.Cancelled,
    scheduling: jobs.Scheduling,
    executing: jobs.Executing,
    paused: jobs.Paused,
    failed: jobs.Failed,
    cancelled: jobs.Cancelled,
    /** Calls that ended without an answer. */
    notAnswered: Math.max(0, p.attempts - p.answered - (p.tasksByStatus.Executing ?? 0)),
    status: p.status,
    startTime: start,
    /** ms from the first call to the group's end, or to its latest call while it runs. */
    duration: start > 0 ? Math.max(0, end - start) : 0,
  };
}

/** Progress as DescribeJobGroup spells it: `Executing`, `Paused`, `Failed`, `Cancelled`. */
export function wireProgressDescribe(p: JobGroupProgress) {
  const c = progressCounts(p);
  return {
    TotalJobs: c.totalJobs,
    TotalCompleted: c.completed,
    Scheduling: c.scheduling,
    Executing: c.executing,
    Paused: c.paused,
    Failed: c.failed,
    Cancelled: c.cancelled,
    TotalNotAnswered: c.notAnswered,
    Status: c.status,
    StartTime: c.startTime,
    Duration: c.duration,
    Briefs: [] as { Key: string; Value: string }[],
    Categories: [] as { Key: string; Value: string }[],
  };
}

/** Progress as ListJobGroups spells it: `ExecutingNum`, `PausedNum`, `FailedNum`, `CancelledNum`, but `Scheduling`. */
export function wireProgressList(p: JobGroupProgress) {
  const c = progressCounts(p);
  return {
    TotalJobs: c.totalJobs,
    TotalCompleted: c.completed,
    Scheduling: c.scheduling,
    ExecutingNum: c.executing,
    PausedNum: c.paused,
    FailedNum: c.failed,
    CancelledNum: c.cancelled,
    TotalNotAnswered: c.notAnswered,
    Status: c.status,
    StartTime: c.startTime,
    Duration: c.duration,
  };
}
