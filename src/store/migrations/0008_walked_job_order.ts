import { type Kysely, sql } from 'kysely';

/**
 * Per-job order is kept by walking a subscription's pending deliveries oldest first (claimDueDeliveries), not by
 * looking each one's job up in delivery_pending_by_job. That index held every pending delivery under its job:
 * each fan-out and each recorded send wrote one of its pages per job, most of what a send wrote to disk.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('delivery_pending_by_job').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('delivery_pending_by_job')
    .on('delivery')
    .columns(['subscription_id', 'job_id', 'occurred_at', 'id'])
    .where(sql.ref('status'), '=', sql.lit('pending'))
    .execute();
}
