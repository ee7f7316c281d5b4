import { JobStatus, jobStatusName } from '../enums.js';
import { OutdialError } from '../errors.js';

/**
 * Which JobStatus may follow which. Executing → Paused / Cancelled: a user may stop a job while its
 * call runs; the call's outcome is still recorded, the job stays where the user put it.
 */
export const JOB_TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  [JobStatus.Scheduling]: [JobStatus.Executing, JobStatus.Paused, JobStatus.Cancelled, JobStatus.Failed],
  [JobStatus.Executing]: [
    JobStatus.Scheduling,
    JobStatus.Succeeded,
    JobStatus.Failed,
    JobStatus.Paused,
    JobStatus.Cancelled,
  ],
  [JobStatus.Paused]: [
    JobStatus.Scheduling,
    JobStatus.Executing,
    JobStatus.Succeeded,
    JobStatus.Cancelled,
    JobStatus.Failed,
  ],
  [JobStatus.Succeeded]: [],
  [JobStatus.Failed]: [],
  [JobStatus.Cancelled]: [],
};

export const canTransitionJob = (from: JobStatus, to: JobStatus): boolean => JOB_TRANSITIONS[from].includes(to);

/** The statuses a job may be in for a move to `to`: what a guarded UPDATE puts in its WHERE. */
export function jobStatusesLeadingTo(to: JobStatus): JobStatus[] {
  return (Object.keys(JOB_TRANSITIONS).map(Number) as JobStatus[]).filter((from) => canTransitionJob(from, to));
}

export function assertJobTransition(from: JobStatus, to: JobStatus): void {
  if (!canTransitionJob(from, to)) {
    throw new OutdialError(
      'ILLEGAL_TRANSITION',
      `a job cannot go from ${jobStatusName(from)} to ${jobStatusName(to)}`,
      {
        from: jobStatusName(from),
        to: jobStatusName(to),
      },
    );
  }
}
