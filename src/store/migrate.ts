import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { OutdialError } from '../core/errors.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Db } from './schema.js';

const migrator = (db: Kysely<Db>) =>
  new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'outdial_migration',
    migrationLockTableName: 'outdial_migration_lock',
  });

/** Brings the schema to the latest version; returns what ran. */
export async function migrateToLatest(db: Kysely<Db>): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
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

/** True when every known migration has been applied. */
export async function isMigrated(db: Kysely<Db>): Promise<boolean> {
  const all = await migrator(db).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
