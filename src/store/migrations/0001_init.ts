import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instance')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('line_group')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('instance_id', 'varchar(64)', (c) => c.notNull().references('instance.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('calls_per_second', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('line')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('line_group_id', 'varchar(64)', (c) => c.notNull().references('line_group.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('calling_number', 'varchar(64)', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('line_by_group').on('line').columns(['line_group_id', 'position']).execute();

  await db.schema
    .createTable('job_group')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('instance_id', 'varchar(64)', (c) => c.notNull().references('instance.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('script_id', 'varchar(64)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('strategy', 'text', (c) => c.notNull())
    .addColumn('recall_strategy', 'text', (c) => c.notNull())
    .addColumn('line_group_ids', 'text', (c) => c.notNull())
    .addColumn('ringing_duration', 'integer', (c) => c.notNull())
    .addColumn('concurrency', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('modified_at', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('job_group_by_status').on('job_group').columns(['status', 'priority']).execute();

  await db.schema
    .createTable('job')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('instance_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('job_group_id', 'varchar(64)', (c) => c.notNull().references('job_group.id'))
    .addColumn('reference_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('failure_reason', 'integer')
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('phone_number', 'varchar(32)', (c) => c.notNull())
    .addColumn('contacts', 'text', (c) => c.notNull())
    .addColumn('extras', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)')
    .addColumn('strategy', 'text')
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('day_key', 'varchar(10)')
    .addColumn('day_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_ended_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('job_reference_unique', ['job_group_id', 'reference_id'])
    .execute();
  // The claim walks this index: one group's waiting jobs in due order.
  await db.schema.createIndex('job_due').on('job').columns(['job_group_id', 'status', 'next_attempt_at']).execute();
  await db.schema.createIndex('job_by_phone').on('job').columns(['phone_number']).execute();

  await db.schema
    .createTable('task')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('job_id', 'varchar(64)', (c) => c.notNull().references('job.id'))
    .addColumn('job_group_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('instance_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('planned_time', 'bigint', (c) => c.notNull())
    .addColumn('actual_time', 'bigint')
    .addColumn('end_time', 'bigint')
    .addColumn('calling_number', 'varchar(64)', (c) => c.notNull())
    .addColumn('called_number', 'varchar(32)', (c) => c.notNull())
    .addColumn('line_group_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('line_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('hangup_cause', 'varchar(64)')
    .addColumn('sip_code', 'integer')
    .addColumn('ring_duration', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('talk_duration', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('line_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('owner', 'varchar(64)')
    .addColumn('lease_until', 'bigint')
    // One row per attempt: a job's attempt n can never be recorded twice.
    .addUniqueConstraint('task_attempt_unique', ['job_id', 'attempt'])
    .execute();
  await db.schema.createIndex('task_lease').on('task').columns(['status', 'lease_until']).execute();
  await db.schema.createIndex('task_by_group').on('task').columns(['job_group_id', 'status']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['task', 'job', 'job_group', 'line', 'line_group', 'instance']) {
    await db.schema.dropTable(t).execute();
  }
}
