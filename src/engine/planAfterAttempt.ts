import { FailureReason, JobStatus, type TaskStatus } from '../core/enums.js';
import { assertJobTransition } from '../core/machines/jobTransitions.js';
import { decideAfterAttempt, recordAttempt } from '../core/strategy/index.js';
import type { JobGroup } from '../core/types.js';
import type { JobAfterAttempt } from '../store/jobs/updateJobAfterAttempt.js';
import { historyOf } from '../store/rows.js';
import type { JobRow } from '../store/schema.js';
import { effectiveStrategy, effectiveZone } from './effectiveStrategy.js';

/** Turns an ended attempt into the job's next state, by the job's strategy and the group's recall rules. */
export function planAfterAttempt(
  job: JobRow,
  group: JobGroup,
  a: { status: TaskStatus; startedAt: number; endedAt: number; now: number },
): JobAfterAttempt {
  const zone = effectiveZone(job, group);
  const history = recordAttempt(historyOf(job), zone, a.startedAt, a.endedAt);
  const d = decideAfterAttempt(effectiveStrategy(job, group), group.recallStrategy, zone, history, a.status, a.now);
  const base = { jobId: job.id, history, now: a.now };
  switch (d.kind) {
    case 'succeed':
      assertJobTransition(JobStatus.Executing, JobStatus.Succeeded);
      return { ...base, status: JobStatus.Succeeded, failureReason: null, nextAttemptAt: null };
    case 'fail':
      assertJobTransition(JobStatus.Executing, JobStatus.Failed);
      return {
        ...base,
        status: JobStatus.Failed,
        failureReason: d.reason ?? FailureReason.Unknown,
        nextAttemptAt: null,
      };
    case 'retry':
      assertJobTransition(JobStatus.Executing, JobStatus.Scheduling);
      return { ...base, status: JobStatus.Scheduling, failureReason: null, nextAttemptAt: d.at };
  }
}
