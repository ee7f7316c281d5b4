import { FailureReason, JobStatus, type TaskStatus } from '../../core/enums.js';
import { decideAfterAttempt, nextAttemptAt } from '../../core/strategy/index.js';
import type { JobGroup } from '../../core/types.js';
import { effectiveStrategy, effectiveZone } from '../../engine/effectiveStrategy.js';
import type { ResumeTarget } from '../../store/jobs/resumePausedJobs.js';
import { historyOf } from '../../store/rows.js';
import type { JobRow } from '../../store/schema.js';

/**
 * Where a Paused job goes when resumed at `now`.
 * - Its call still runs (the outcome is not recorded yet): Executing, so the outcome recorder applies the
 *   strategy's decision as usual. Scheduling would let the engine claim it again and start a second call
 *   with the same attempt number.
 * - It was dialled before: the decision its latest attempt calls for, from now. While the job was Paused
 *   the recorder kept only the attempt's history, so an answer heard during the pause makes it Succeeded,
 *   a recall rule ends it, otherwise it is re-planned by its strategy.
 * - Never dialled: Scheduling at its strategy's next allowed instant, or Failed TimeUp when none is left.
 */
export function planResume(
  job: JobRow,
  group: JobGroup,
  s: { callInProgress: boolean; lastTaskStatus: TaskStatus | undefined; now: number },
): ResumeTarget {
  if (s.callInProgress) {
    return { status: JobStatus.Executing, failureReason: null, nextAttemptAt: job.next_attempt_at, finishedAt: null };
  }
  const strategy = effectiveStrategy(job, group);
  const zone = effectiveZone(job, group);
  const history = historyOf(job);
  if (s.lastTaskStatus !== undefined) {
    const d = decideAfterAttempt(strategy, group.recallStrategy, zone, history, s.lastTaskStatus, s.now);
    switch (d.kind) {
      case 'succeed':
        return { status: JobStatus.Succeeded, failureReason: null, nextAttemptAt: null, finishedAt: s.now };
      case 'fail':
        return { status: JobStatus.Failed, failureReason: d.reason, nextAttemptAt: null, finishedAt: s.now };
      case 'retry':
        return { status: JobStatus.Scheduling, failureReason: null, nextAttemptAt: d.at, finishedAt: null };
    }
  }
  const next = nextAttemptAt(strategy, zone, history, s.now);
  if (next.kind === 'at') {
    return { status: JobStatus.Scheduling, failureReason: null, nextAttemptAt: next.at, finishedAt: null };
  }
  return { status: JobStatus.Failed, failureReason: FailureReason.TimeUp, nextAttemptAt: null, finishedAt: s.now };
}
