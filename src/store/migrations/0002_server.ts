import type { Kysely } from 'kysely';

/** What the server adds: keys for both faces, request nonces, scripts, and indexes its listings walk. */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('instance')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  // REST bearer keys. Only a hash of the secret is kept; instance_id null = an operator (admin) key.
  await db.schema
    .createTable('api_key')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('instance_id', 'varchar(64)', (c) => c.references('instance.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('api_key_by_instance').on('api_key').columns(['instance_id', 'created_at']).execute();

  // Alibaba-style AccessKey pairs. The secret must be recoverable to verify signatures: sealed, not hashed.
  await db.schema
    .createTable('access_key')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('instance_id', 'varchar(64)', (c) => c.notNull().references('instance.id').onDelete('cascade'))
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('access_key_by_instance')
    .on('access_key')
    .columns(['instance_id', 'created_at'])
    .execute();

  // Signature nonces seen inside the timestamp window: a replayed request fails on the primary key.
  await db.schema
    .createTable('request_nonce')
    .addColumn('access_key_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('nonce', 'varchar(128)', (c) => c.notNull())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_nonce_pk', ['access_key_id', 'nonce'])
    .execute();
  await db.schema.createIndex('request_nonce_by_time').on('request_nonce').columns(['seen_at']).execute();

  await db.schema
    .createTable('script')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('instance_id', 'varchar(64)', (c) => c.notNull().references('instance.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('industry', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('scene', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('modified_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('script_by_instance').on('script').columns(['instance_id', 'created_at']).execute();

  // Listings page through (created_at, id); append-only keys, cheap to keep up on ingest.
  await db.schema
    .createIndex('job_group_by_instance')
    .on('job_group')
    .columns(['instance_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('job_by_group_created').on('job').columns(['job_group_id', 'created_at', 'id']).execute();
  await db.schema
    .createIndex('job_by_instance_created')
    .on('job')
    .columns(['instance_id', 'created_at', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const i of ['job_by_instance_created', 'job_by_group_created', 'job_group_by_instance']) {
    await db.schema.dropIndex(i).execute();
  }
  for (const t of ['script', 'request_nonce', 'access_key', 'api_key']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('instance').dropColumn('description').execute();
}
