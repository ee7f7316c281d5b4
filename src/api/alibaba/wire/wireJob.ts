import { failureReasonName, jobStatusName } from '../../../core/enums.js';
import type { TaskRobotResult } from '../../../core/events.js';
import type { Job, Task } from '../../../core/types.js';
import { wireContact } from './wireContact.js';
import { wireSummary } from './wireRobotSummary.js';
import { wireTask } from './wireTask.js';

const byAttempt = (a: Task, b: Task) => a.attempt - b.attempt || a.plannedTime - b.plannedTime;

/** What the voice robot made of a job's calls, for a Job whose group runs a script. */
export interface JobRobotResults {
  /** Each call's result by task id: its Task's Conversation, EndReason and HangUpDirection. */
  byTask?: ReadonlyMap<string, TaskRobotResult>;
  /** The result of the job's latest call, for the Summary of a Job listed without its Tasks. */
  latest?: TaskRobotResult | null;
}

/**
 * A job as the vendor's Job object (DescribeJob, ListJobs; ListJobsByGroup and QueryJobs without tasks).
 * Status and FailureReason go by name; `CallingNumbers` are the numbers its calls went out on. `Tasks` is
 * present only when tasks are given, in attempt order. `Summary` is the robot's grade of the job's latest
 * call (wireRobotSummary.ts): the last of the tasks given, else `robots.latest`.
 */
export function wireJob(job: Job, tasks?: Task[], robots: JobRobotResults = {}) {
  const ordered = tasks ? [...tasks].sort(byAttempt) : undefined;
  const latest = ordered?.at(-1);
  const robotOf = (t: Task) => robots.byTask?.get(t.id) ?? null;
  const graded = ordered ? (latest ? robotOf(latest) : null) : (robots.latest ?? null);
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
    Summary: wireSummary(graded),
    ...(ordered ? { Tasks: ordered.map((t) => wireTask(t, job, robotOf(t))) } : {}),
  };
}
