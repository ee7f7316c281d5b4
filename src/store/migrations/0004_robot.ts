import type { Kysely } from 'kysely';

/** The voice robot: script bodies by version, the version a job group runs, and each call's conversation and grade. */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('script')
    .addColumn('language', 'varchar(8)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('script')
    .addColumn('latest_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('script').addColumn('published_version', 'integer').execute();

  // A version is immutable once written: a change is a new version; publishing points the script at one.
  await db.schema
    .createTable('script_version')
    .addColumn('script_id', 'varchar(64)', (c) => c.notNull().references('script.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** The validated script (defaults filled in) as JSON: what the robot runs. */
    .addColumn('body', 'text', (c) => c.notNull())
    /** The text as the author sent it (YAML or JSON), so it reads back as written. */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'bigint')
    .addPrimaryKeyConstraint('script_version_pk', ['script_id', 'version'])
    .execute();

  // The script version the group's calls run; fixed when the group is given its script.
  await db.schema.alterTable('job_group').addColumn('script_version', 'integer').execute();

  // What the robot made of an answered call (and the grade of any call of a group with a script).
  for (const [name, type] of [
    ['script_version', 'integer'],
    ['level', 'varchar(1)'],
    ['level_rule', 'text'],
    ['tags', 'text'],
    ['conversation', 'text'],
    ['robot_end', 'varchar(16)'],
  ] as const) {
    await db.schema.alterTable('task').addColumn(name, type).execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['robot_end', 'conversation', 'tags', 'level_rule', 'level', 'script_version']) {
    await db.schema.alterTable('task').dropColumn(name).execute();
  }
  await db.schema.alterTable('job_group').dropColumn('script_version').execute();
  await db.schema.dropTable('script_version').execute();
  for (const name of ['published_version', 'latest_version', 'language']) {
    await db.schema.alterTable('script').dropColumn(name).execute();
  }
}
