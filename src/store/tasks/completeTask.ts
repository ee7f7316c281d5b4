import type { Kysely } from 'kysely';
import { TaskStatus } from '../../core/enums.js';
import type { TaskRecording } from '../../core/events.js';
import type { Db } from '../schema.js';
import type { TaskRobotColumns } from './taskRobotColumns.js';

export interface TaskCompletion {
  taskId: string;
  /** Only the engine holding the lease may close the task. */
  owner: string;
  status: TaskStatus;
  actualTime: number | null;
  endTime: number;
  hangupCause: string | null;
  sipCode: number | null;
  ringDuration: number;
  talkDuration: number;
  lineFailures: number;
  lineGroupId: string;
  lineId: string;
  callingNumber: string;
  /** The robot's grade and dialogue, for a group that runs a script. */
  robot?: TaskRobotColumns;
  /** The call's recording, when one was kept. */
  recording?: TaskRecording;
}

/**
 * Closes a task still Executing under this owner. False means the lease was lost (a sweeper closed
 * it as Terminated): the caller must not touch the job, whose attempt is already accounted for.
 */
export async function completeTask(db: Kysely<Db>, c: TaskCompletion): Promise<boolean> {
  const r = await db
    .updateTable('task')
    .set({
      status: c.status,
      actual_time: c.actualTime,
      end_time: c.endTime,
      hangup_cause: c.hangupCause,
      sip_code: c.sipCode,
      ring_duration: c.ringDuration,
      talk_duration: c.talkDuration,
      line_failures: c.lineFailures,
      line_group_id: c.lineGroupId,
      line_id: c.lineId,
      calling_number: c.callingNumber,
      owner: null,
      lease_until: null,
      ...c.robot,
      ...(c.recording
        ? {
            recording_file: c.recording.fileName,
            recording_url: c.recording.url,
            recording_duration: c.recording.durationMs,
            recording_size: c.recording.size,
          }
        : {}),
    })
    .where('id', '=', c.taskId)
    .where('status', '=', TaskStatus.Executing)
    .where('owner', '=', c.owner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
