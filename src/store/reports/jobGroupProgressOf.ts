import type { Kysely } from 'kysely';
import { type FailureReason, failureReasonName, JobStatus, type TaskStatus, taskStatusName } from '../../core/enums.js';
import type { JobGroup, JobGroupProgress } from '../../core/types.js';
import type { Db } from '../schema.js';
import { campaignSummary } from './campaignSummary.js';

/** Where a job group stands: jobs by status, why the failed ones failed, calls made and answered. */
export async function jobGroupProgressOf(db: Kysely<Db>, group: JobGroup): Promise<JobGroupProgress> {
  const s = await campaignSummary(db, group.id);

  const jobsByStatus = Object.fromEntries(
    Object.entries(JobStatus).map(([name, code]) => [name, s.jobsByStatus.get(code) ?? 0]),
  ) as JobGroupProgress['jobsByStatus'];
  const failureReasons: JobGroupProgress['failureReasons'] = {};
  for (const [code, n] of s.failureReasons) failureReasons[failureReasonName(code as FailureReason)] = n;
  const tasksByStatus: JobGroupProgress['tasksByStatus'] = {};
  for (const [code, n] of s.tasksByStatus) tasksByStatus[taskStatusName(code as TaskStatus)] = n;

  const ended = s.tasks - (tasksByStatus.Executing ?? 0);
  const guardedDials: JobGroupProgress['guardedDials'] = { refused: {}, deferred: {} };
  const guarded = await db
    .selectFrom('policy_refusal')
    .select(['verdict', 'reason', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('job_group_id', '=', group.id)
    .groupBy(['verdict', 'reason'])
    .execute();
  for (const g of guarded) guardedDials[g.verdict === 'refuse' ? 'refused' : 'deferred'][g.reason] = Number(g.n);
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
    guardedDials,
    firstCallAt: s.firstCallAt,
    lastCallEndAt: s.lastCallEndAt,
    startedAt: group.startedAt,
    finishedAt: group.finishedAt,
  };
}
