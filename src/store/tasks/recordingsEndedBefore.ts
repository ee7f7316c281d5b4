import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/** Up to `limit` tasks whose call ended before `before` and whose recording is still kept, oldest first. */
export async function recordingsEndedBefore(db: Kysely<Db>, before: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('task')
    .select('id')
    .where('recording_file', 'is not', null)
    .where('end_time', '<', before)
    .orderBy('end_time')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** These tasks keep no recording any more. */
export async function forgetRecordings(db: Kysely<Db>, taskIds: readonly string[]): Promise<void> {
  if (taskIds.length === 0) return;
  await db
    .updateTable('task')
    .set({ recording_file: null, recording_url: null, recording_duration: null, recording_size: null })
    .where('id', 'in', taskIds)
    .execute();
}

/** The tasks of a job group that keep a recording. */
export async function recordedTasksOfGroup(db: Kysely<Db>, jobGroupId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('task')
    .select('id')
    .where('job_group_id', '=', jobGroupId)
    .where('recording_file', 'is not', null)
    .execute();
  return rows.map((r) => r.id);
}
