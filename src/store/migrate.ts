import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { OutdialError } from '../core/errors.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Db } from './schema.js';

/**
 * `schema` is the PostgreSQL schema the store lives in. Kysely must be told it: without it, the migrator
 * checks for its bookkeeping tables in every schema of the database, so a fresh schema beside an already
 * migrated one was taken as migrated and failed on `relation "outdial_migration_lock" does not exist`.
 */
const migrator = (db: Kysely<Db>, schema: string | undefined) =>
  new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'outdial_migration',
    migrationLockTableName: 'outdial_migration_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });

/** Brings the schema to the latest version; returns what ran. `schema`: the store's PostgreSQL schema. */
export async function migrateToLatest(db: Kysely<Db>, schema?: string): Promise<MigrationResultSet> {
  let result = await migrator(db, schema).migrateToLatest();
  // Kysely's table lookup checks privileges on every schema of the database: one dropped by someone else at that
  // instant fails it with "schema does not exist" (3F000). Nothing was applied then; the lookup is simply run again.
  for (let retry = 0; retry < 3 && isSchemaGone(result.error); retry++) {
    result = await migrator(db, schema).migrateToLatest();
  }
  if (result.error) {
    throw new OutdialError(
      'INTERNAL',
      `database migration failed: ${String(result.error)}`,
      {},
      { cause: result.error },
    );
  }
  return result;
}

/** True when every known migration has been applied. `schema`: the store's PostgreSQL schema. */
export async function isMigrated(db: Kysely<Db>, schema?: string): Promise<boolean> {
  const all = await migrator(db, schema).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}

const isSchemaGone = (e: unknown): boolean => (e as { code?: unknown } | undefined)?.code === '3F000';
