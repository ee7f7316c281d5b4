import { type Kysely, sql } from 'kysely';

/**
 * A call's recording, kept by the recording store under the task's id: its file name, where it is downloaded from
 * (as the server announced it when the call was recorded, like a vendor's stored link), length (ms) and size (bytes).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task').addColumn('recording_file', 'varchar(128)').execute();
  await db.schema.alterTable('task').addColumn('recording_url', 'varchar(512)').execute();
  await db.schema.alterTable('task').addColumn('recording_duration', 'integer').execute();
  await db.schema.alterTable('task').addColumn('recording_size', 'bigint').execute();
  // Retention finds the oldest kept recordings without reading the tasks that have none.
  await db.schema
    .createIndex('task_recording_by_end')
    .on('task')
    .column('end_time')
    .where(sql.ref('recording_file'), 'is not', null)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('task_recording_by_end').execute();
  for (const name of ['recording_size', 'recording_duration', 'recording_url', 'recording_file']) {
    await db.schema.alterTable('task').dropColumn(name).execute();
  }
}
