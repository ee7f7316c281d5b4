import type { Kysely } from 'kysely';
import type { Db, TaskRow } from '../schema.js';

/** A task of this instance (null: of any) with its recording columns; undefined when there is no such task. */
export async function getTaskRecording(
  db: Kysely<Db>,
  instanceId: string | null,
  taskId: string,
): Promise<
  Pick<TaskRow, 'id' | 'recording_file' | 'recording_url' | 'recording_duration' | 'recording_size'> | undefined
> {
  return db
    .selectFrom('task')
    .select(['id', 'recording_file', 'recording_url', 'recording_duration', 'recording_size'])
    .where('id', '=', taskId)
    .$if(instanceId !== null, (q) => q.where('instance_id', '=', instanceId as string))
    .executeTakeFirst();
}
