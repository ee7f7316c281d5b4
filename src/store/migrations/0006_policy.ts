import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The contact policy: an instance's rules, block and allow lists (the operator's global block list too),
 * every attempt to a number kept for 8 days (per-number limits across job groups), what a number is known to
 * be (empty, last answered), and the audit trail of dials the policy refused or deferred.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contact_policy')
    .addColumn('instance_id', 'varchar(64)', (c) => c.primaryKey().references('instance.id').onDelete('cascade'))
    /** PolicySettings as JSON. */
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'bigint', (c) => c.notNull())
    .execute();

  // Patterns are compared byte by byte ('+86138*' sorts and ranges as written): PostgreSQL's default collation
  // may follow a locale that ignores '+' and '*', so the column is given the C collation there. SQLite compares
  // bytes already; there the keyed tables are WITHOUT ROWID, one B-tree each instead of a table and its key.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const keyed = sql.raw(postgres ? '' : 'without rowid');
  await db.schema
    .createTable('number_list')
    /** An instance id, or '*' for the operator's global list. */
    .addColumn('scope', 'varchar(64)', (c) => c.notNull())
    /** block | allow */
    .addColumn('list', 'varchar(8)', (c) => c.notNull())
    /** An E.164 number (`+8613800000000`) or a prefix ending in `*` (`+86138*`). */
    .addColumn('pattern', postgres ? sql`varchar(32) collate "C"` : 'varchar(32)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    /** null = never; an entry at or past it matches nothing and is deleted by the cleanup. */
    .addColumn('expires_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('number_list_pk', ['scope', 'list', 'pattern'])
    .modifyEnd(keyed)
    .execute();
  await db.schema
    .createIndex('number_list_expiring')
    .on('number_list')
    .column('expires_at')
    .where(sql.ref('expires_at'), 'is not', null)
    .execute();

  // Every attempt's start, kept 8 days: the per-number limits count them across all job groups of the instance.
  await db.schema
    .createTable('number_dial')
    .addColumn('instance_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('number', 'varchar(32)', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('job_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('answered', 'smallint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('number_dial_pk', ['instance_id', 'number', 'at', 'job_id'])
    .modifyEnd(keyed)
    .execute();
  // The cleanup deletes the oldest rows: a range scan, not a pass over the table.
  await db.schema.createIndex('number_dial_by_at').on('number_dial').column('at').execute();

  await db.schema
    .createTable('number_memory')
    .addColumn('instance_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('number', 'varchar(32)', (c) => c.notNull())
    /** When an attempt found the number empty (EmptyNumber / NotExist); null once it is answered later. */
    .addColumn('empty_at', 'bigint')
    .addColumn('last_answered_at', 'bigint')
    .addPrimaryKeyConstraint('number_memory_pk', ['instance_id', 'number'])
    .modifyEnd(keyed)
    .execute();

  await db.schema
    .createTable('policy_refusal')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('instance_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('job_group_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('job_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    /** refuse | defer */
    .addColumn('verdict', 'varchar(8)', (c) => c.notNull())
    /** A FailureReason name (refuse) or why the dial waits (defer). */
    .addColumn('reason', 'varchar(32)', (c) => c.notNull())
    /** The rule and where it came from, as people read it. */
    .addColumn('rule', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policy_refusal_by_job').on('policy_refusal').columns(['job_id', 'at']).execute();
  await db.schema
    .createIndex('policy_refusal_by_group')
    .on('policy_refusal')
    .columns(['job_group_id', 'reason'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['policy_refusal', 'number_memory', 'number_dial', 'number_list', 'contact_policy']) {
    await db.schema.dropTable(t).execute();
  }
}
