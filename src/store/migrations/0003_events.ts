import type { Kysely } from 'kysely';

/** The outbox (events), who wants them (subscriptions), and each event's way to each subscriber (deliveries). */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Written in the same transaction as the state change that caused it; fanned out to deliveries later.
  await db.schema
    .createTable('event')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('instance_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('job_group_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('job_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('task_id', 'varchar(64)')
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    /** The whole OutdialEvent as JSON: what every format renders from. */
    .addColumn('data', 'text', (c) => c.notNull())
    /** 0 until the fan-out has made its deliveries. */
    .addColumn('fanned_out', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('event_to_fan_out').on('event').columns(['fanned_out', 'occurred_at']).execute();

  await db.schema
    .createTable('subscription')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('instance_id', 'varchar(64)', (c) => c.notNull().references('instance.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    /** webhook | rabbitmq | nats | redis */
    .addColumn('sink', 'varchar(16)', (c) => c.notNull())
    /** cloudevents | alibaba | baiying | airudder */
    .addColumn('format', 'varchar(16)', (c) => c.notNull())
    /** The sink's settings as JSON, sealed: URLs and credentials may carry secrets. */
    .addColumn('config_sealed', 'text', (c) => c.notNull())
    /** JSON array of EventType names; null = all. */
    .addColumn('event_types', 'text')
    /** JSON array of job group ids; null = all of the instance. */
    .addColumn('job_group_ids', 'text')
    /** JSON array of seconds to wait before each retry; its length is the number of retries. */
    .addColumn('retry_schedule', 'text', (c) => c.notNull())
    /** status = any 2xx; success-body = 2xx and the body `success` (BaiYing). */
    .addColumn('ack_mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('timeout_ms', 'integer', (c) => c.notNull())
    /** active | paused */
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('modified_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('subscription_by_instance')
    .on('subscription')
    .columns(['instance_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('delivery')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('subscription_id', 'varchar(64)', (c) => c.notNull().references('subscription.id').onDelete('cascade'))
    .addColumn('event_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('job_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    /** pending | delivered | dead */
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    /** Sends since it was made or last replayed: the retry schedule's position. */
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    /** Sends ever, replays included: the number of its last delivery_attempt row. */
    .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    /** The dispatcher process sending it, and until when (a dead dispatcher's sends are retried). */
    .addColumn('owner', 'varchar(64)')
    .addColumn('lease_until', 'bigint')
    .addUniqueConstraint('delivery_once', ['subscription_id', 'event_id'])
    .execute();
  // A claim walks one subscription's pending deliveries oldest first and stops at its limit: no sort of the backlog.
  await db.schema
    .createIndex('delivery_ready')
    .on('delivery')
    .columns(['subscription_id', 'status', 'occurred_at', 'id'])
    .execute();
  // Per-job order: a delivery waits while an older one of the same job and subscription is pending.
  await db.schema
    .createIndex('delivery_by_job')
    .on('delivery')
    .columns(['subscription_id', 'job_id', 'status', 'occurred_at', 'id'])
    .execute();
  await db.schema
    .createIndex('delivery_by_subscription')
    .on('delivery')
    .columns(['subscription_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('delivery_attempt')
    .addColumn('delivery_id', 'varchar(64)', (c) => c.notNull().references('delivery.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('delivery_attempt_pk', ['delivery_id', 'attempt'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['delivery_attempt', 'delivery', 'subscription', 'event']) await db.schema.dropTable(t).execute();
}
