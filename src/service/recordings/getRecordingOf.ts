import { OutdialError } from '../../core/errors.js';
import type { TaskRecording } from '../../core/events.js';
import { taskRecording } from '../../store/rows.js';
import { getTaskRecording } from '../../store/tasks/getTaskRecording.js';
import type { ServiceDeps } from '../deps.js';

/** The kept recording of one of the instance's calls (tasks); instanceId null: of any instance (a signed link). */
export async function getRecordingOf(
  deps: ServiceDeps,
  instanceId: string | null,
  taskId: string,
): Promise<TaskRecording> {
  const row = await getTaskRecording(deps.db, instanceId, taskId);
  if (!row) throw new OutdialError('TASK_NOT_FOUND', `taskId: task ${taskId} does not exist`, { field: 'taskId' });
  const recording = taskRecording(row);
  if (!recording) {
    throw new OutdialError(
      'RECORDING_NOT_FOUND',
      `taskId: task ${taskId} has no recording (it was not answered, or calls were not being recorded)`,
      { field: 'taskId' },
    );
  }
  return recording;
}
