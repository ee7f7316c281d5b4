import { type Kysely, sql } from 'kysely';

/**
 * The claim and per-job-order indexes hold pending deliveries only. A delivered one leaves them with one
 * index delete, instead of being rewritten under its new status and kept for the whole retention time, so
 * the indexes a busy dispatcher writes stay small and in cache.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('delivery_ready').execute();
  await db.schema.dropIndex('delivery_by_job').execute();
  await db.schema
    .createIndex('delivery_pending')
    .on('delivery')
    .columns(['subscription_id', 'occurred_at', 'id'])
    .where(sql.ref('status'), '=', sql.lit('pending'))
    .execute();
  await db.schema
    .createIndex('delivery_pending_by_job')
    .on('delivery')
    .columns(['subscription_id', 'job_id', 'occurred_at', 'id'])
    .where(sql.ref('status'), '=', sql.lit('pending'))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('delivery_pending_by_job').execute();
  await db.schema.dropIndex('delivery_pending').execute();
  await db.schema
    .createIndex('delivery_ready')
    .on('delivery')
    .columns(['subscription_id', 'status', 'occurred_at', 'id'])
    .execute();
  await db.schema
    .createIndex('delivery_by_job')
    .on('delivery')
    .columns(['subscription_id', 'job_id', 'status', 'occurred_at', 'id'])
    .execute();
}
