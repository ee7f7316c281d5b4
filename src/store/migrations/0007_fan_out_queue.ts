import { type Kysely, sql } from 'kysely';

/**
 * Events waiting for their fan-out get a narrow queue of their own, written with the event and deleted by the
 * fan-out, instead of a `fanned_out` flag on the event. Marking a batch rewrote every event row (each holds the
 * whole event as JSON, three or four to a page) and moved its entry in an index; deleting queue rows touches a
 * few small pages. The queue carries what the fan-out routes by, so it never reads the events themselves.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fan_out_queue')
    .addColumn('event_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addColumn('instance_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('job_group_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('job_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .execute();
  // The fan-out takes the oldest first; events of one instant in the order they were queued (not by id: ids made
  // within one millisecond are in random order, and so would their deliveries be on disk).
  await db.schema.createIndex('fan_out_queue_by_age').on('fan_out_queue').column('occurred_at').execute();
  await sql`insert into fan_out_queue (event_id, occurred_at, instance_id, job_group_id, job_id, type)
    select id, occurred_at, instance_id, job_group_id, job_id, type from event where fanned_out = 0
    order by occurred_at`.execute(db);
  await db.schema.dropIndex('event_to_fan_out').execute();
  await db.schema.alterTable('event').dropColumn('fanned_out').execute();
  // Retention finds old events by age (the dropped index served it before).
  await db.schema.createIndex('event_by_age').on('event').column('occurred_at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('event_by_age').execute();
  await db.schema
    .alterTable('event')
    .addColumn('fanned_out', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`update event set fanned_out = 0 where id in (select event_id from fan_out_queue)`.execute(db);
  await db.schema.createIndex('event_to_fan_out').on('event').columns(['fanned_out', 'occurred_at']).execute();
  await db.schema.dropTable('fan_out_queue').execute();
}
