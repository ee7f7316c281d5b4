import type { Kysely } from 'kysely';
import type { Db, TaskRow } from '../schema.js';

/** A task of this instance with its recording columns; undefined when the instance has no such task. */
export async function getTaskRecording(
  db: Kysely<Db>,
  instanceId: string,
  taskId: string,
): Promise<
  Pick<TaskRow, 'id' | 'recording_file' | 'recording_url' | 'recording_duration' | 'recording_size'> | undefined
> {
  return db
    .selectFrom('task')
    .select(['id', 'recording_file', 'recording_url', 'recording_duration', 'recording_size'])
    .where('id', '=', taskId)
    .where('instance_id', '=', instanceId)
    .executeTakeFirst();
}
