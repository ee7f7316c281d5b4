import { failureReasonName, jobStatusName, TaskStatus, taskStatusName } from '../../../core/enums.js';
import type { Job, Task } from '../../../core/types.js';
import { JOB_STATUS_LABELS, TASK_STATUS_LABELS } from './statusLabels.js';
import { calledContactIndex, contactId } from './wireContact.js';

/**
 * A QueryJobsWithResult item: the job and its latest call. A job not dialled yet still gets a LatestTask
 * carrying its contact (what callers read to match results back), with the call fields empty.
 */
export function wireJobWithResult(job: Job, latestTask?: Task) {
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
      TaskEndReason: answered ? 'FINISHED' : '',
      HangUpDirection: '',
      HasAnswered: answered,
      HasHangUpByRejection: false,
      HasLastPlaybackCompleted: false,
      HasReachedEndOfFlow: false,
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
      TagHits: [] as { TagGroup: string; TagName: string }[],
      DialExceptionCodes: [] as { Code: string; Hint: string }[],
    },
  };
}
