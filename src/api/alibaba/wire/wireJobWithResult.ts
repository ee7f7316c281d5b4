import { failureReasonName, jobStatusName, TaskStatus, taskStatusName } from '../../../core/enums.js';
import type { TaskRobotResult } from '../../../core/events.js';
import type { Job, Task } from '../../../core/types.js';
import { JOB_STATUS_LABELS, TASK_STATUS_LABELS } from './statusLabels.js';
import { calledContactIndex, contactId } from './wireContact.js';
import { hangUpDirection, lastPromptCompleted, reachedEndOfFlow, taskEndReason } from './wireRobotEnd.js';
import { wireTagHits } from './wireRobotSummary.js';

/**
 * A QueryJobsWithResult item: the job and its latest call. A job not dialled yet still gets a LatestTask
 * carrying its contact (what callers read to match results back), with the call fields empty. The robot's
 * result of that call gives TaskEndReason, HangUpDirection, the flow flags and TagHits (its grade), see
 * wireRobotEnd.ts and wireRobotSummary.ts.
 */
export function wireJobWithResult(job: Job, latestTask?: Task, robot: TaskRobotResult | null = null) {
  const index = latestTask ? calledContactIndex(job, latestTask.calledNumber) : 0;
  const contact = job.contacts[index];
  const answered = latestTask?.status === TaskStatus.Succeeded;
  const talkMs = latestTask?.talkDuration ?? 0;
  const statusName = jobStatusName(job.status);
  return {
    Id: job.id,
    Status: statusName,
    StatusName: JOB_STATUS_LABELS[statusName],
    JobFailureReason: job.failureReason === null ? '' : failureReasonName(job.failureReason),
    LatestTask: {
      CallTime: latestTask?.actualTime ?? 0,
      /** ms, and its display in seconds. */
      CallDuration: talkMs,
      CallDurationDisplay: String(Math.round(talkMs / 1000)),
      Status: latestTask ? taskStatusName(latestTask.status) : '',
      StatusName: latestTask ? TASK_STATUS_LABELS[taskStatusName(latestTask.status)] : '',
      TaskEndReason: taskEndReason(answered, robot),
      HangUpDirection: hangUpDirection(robot, 'label'),
      HasAnswered: answered,
      HasHangUpByRejection: false,
      HasLastPlaybackCompleted: lastPromptCompleted(robot),
      HasReachedEndOfFlow: reachedEndOfFlow(robot),
      Contact: {
        Id: contactId(job, index),
        JobUuid: job.id,
        Name: contact?.name ?? '',
        Honorific: contact?.honorific ?? '',
        PhoneNumber: contact?.phoneNumber ?? '',
        PreferredPhoneNumber: '',
        ReferenceId: contact?.referenceId ?? job.referenceId,
        Role: '',
        Round: latestTask?.attempt ?? 0,
        State: 'Available',
      },
      Extras: job.extras.map((e) => ({ Key: e.key, Value: e.value })),
      TagHits: wireTagHits(robot),
      DialExceptionCodes: [] as { Code: string; Hint: string }[],
    },
  };
}
