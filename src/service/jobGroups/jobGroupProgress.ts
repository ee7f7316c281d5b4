import { type FailureReason, failureReasonName, JobStatus, type TaskStatus, taskStatusName } from '../../core/enums.js';
import type { JobGroupProgress } from '../../core/types.js';
import { campaignSummary } from '../../store/reports/campaignSummary.js';
import type { ServiceDeps } from '../deps.js';
import { getJobGroupOf } from './getJobGroupOf.js';

/** Where the caller's job group stands: jobs by status, why the failed ones failed, calls made and answered. */
export async function jobGroupProgress(deps: ServiceDeps, instanceId: string, id: string): Promise<JobGroupProgress> {
  const group = await getJobGroupOf(deps, instanceId, id);
  const s = await campaignSummary(deps.db, group.id);

  const jobsByStatus = Object.fromEntries(
    Object.entries(JobStatus).map(([name, code]) => [name, s.jobsByStatus.get(code) ?? 0]),
  ) as JobGroupProgress['jobsByStatus'];
  const failureReasons: JobGroupProgress['failureReasons'] = {};
  for (const [code, n] of s.failureReasons) failureReasons[failureReasonName(code as FailureReason)] = n;
  const tasksByStatus: JobGroupProgress['tasksByStatus'] = {};
  for (const [code, n] of s.tasksByStatus) tasksByStatus[taskStatusName(code as TaskStatus)] = n;

  const ended = s.tasks - (tasksByStatus.Executing ?? 0);
  return {
    jobGroupId: group.id,
    status: group.status,
    totalJobs: [...s.jobsByStatus.values()].reduce((a, b) => a + b, 0),
    jobsByStatus,
    failureReasons,
    tasksByStatus,
    attempts: s.tasks,
    answered: s.answered,
    answerRate: ended > 0 ? s.answered / ended : 0,
    talkSeconds: s.talkSeconds,
    firstCallAt: s.firstCallAt,
    lastCallEndAt: s.lastCallEndAt,
    startedAt: group.startedAt,
    finishedAt: group.finishedAt,
  };
}
