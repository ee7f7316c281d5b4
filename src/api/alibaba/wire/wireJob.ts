import { failureReasonName, jobStatusName } from '../../../core/enums.js';
import type { Job, Task } from '../../../core/types.js';
import { wireContact } from './wireContact.js';
import { wireTask } from './wireTask.js';

const byAttempt = (a: Task, b: Task) => a.attempt - b.attempt || a.plannedTime - b.plannedTime;

/**
 * A job as the vendor's Job object (DescribeJob, ListJobs; ListJobsByGroup without tasks). Status and
 * FailureReason go by name; `CallingNumbers` are the numbers its calls went out on. `Tasks` is present
 * only when tasks are given, in attempt order.
 */
export function wireJob(job: Job, tasks?: Task[]) {
  const ordered = tasks ? [...tasks].sort(byAttempt) : undefined;
  const latest = ordered?.at(-1);
  return {
    JobId: job.id,
    JobGroupId: job.jobGroupId,
    InstanceId: job.instanceId,
    Status: jobStatusName(job.status),
    FailureReason: job.failureReason === null ? '' : failureReasonName(job.failureReason),
    Priority: job.priority,
    SystemPriority: 0,
    ReferenceId: job.referenceId,
    StrategyId: '',
    ScenarioId: '',
    CalledNumber: job.contacts[0]?.phoneNumber ?? '',
    CallingNumbers: [...new Set((ordered ?? []).map((t) => t.callingNumber).filter((n) => n !== ''))],
    NextExecutionTime: job.nextAttemptAt ?? 0,
    ActualTime: latest?.actualTime ?? 0,
    DsReport: '',
    Contacts: job.contacts.map((c, i) => wireContact(job, c, i)),
    Extras: job.extras.map((e) => ({ Key: e.key, Value: e.value })),
    Summary: [] as { SummaryName: string; Content: string; Category: string }[],
    ...(ordered ? { Tasks: ordered.map((t) => wireTask(t, job)) } : {}),
  };
}
