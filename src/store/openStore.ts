import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { POSTGRES_CAPS, SQLITE_CAPS, type StoreCaps } from './dialects.js';
import { migrateToLatest } from './migrate.js';
import type { Db } from './schema.js';

export interface Store {
  db: Kysely<Db>;
  caps: StoreCaps;
  /** Where the data lives, for people: a file path or a redacted URL. */
  location: string;
  /** The PostgreSQL schema holding the tables (the search path's first); undefined on SQLite. */
  schema?: string;
  close(): Promise<void>;
}

export interface StoreConfig {
  /** `postgres://…` selects PostgreSQL; anything else is a SQLite file path (or `:memory:`). */
  database: string;
  /** PostgreSQL schema to use (created if missing); tests give each file its own. */
  schema?: string;
  /** Run migrations on open (default true). */
  migrate?: boolean;
  poolSize?: number;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Opens the store named by the config, migrated to the latest schema unless told otherwise. */
export async function openStore(config: StoreConfig): Promise<Store> {
  const store = config.database.startsWith('postgres') ? await openPostgres(config) : openSqlite(config.database);
  if (config.migrate !== false) await migrateToLatest(store.db, store.schema);
  return store;
}

function openSqlite(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  configureSqlite(database);
  cachePreparedStatements(database);
  const db = new Kysely<Db>({ dialect: new SqliteDialect({ database }) });
  return { db, caps: SQLITE_CAPS, location: path, close: () => db.destroy() };
}

/** The settings every connection to an Outdial SQLite file runs with. */
export function configureSqlite(database: Database.Database): void {
  database.pragma('journal_mode = WAL');
  // WAL + NORMAL: a power loss may drop the last commits, a process crash loses nothing.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (SQLite's default is 2 MiB): a campaign's job, task and event tables outgrow 2 MiB early.
  database.pragma('cache_size = -65536');
  // Checkpoint the WAL every 10,000 pages (~40 MiB) instead of 1,000: each checkpoint syncs the file, and a busy
  // dispatcher commits hundreds of times a second; measured +8–10% webhook deliveries/s (bench/RESULTS.md).
  database.pragma('wal_autocheckpoint = 10000');
  // Statement journals and sorts in memory, not in temp files: a multi-row UPDATE inside a transaction
  // (claims, recording a batch of sends) otherwise writes its journal to a file, a syscall per page.
  database.pragma('temp_store = MEMORY');
}

/**
 * Kysely's SQLite driver prepares every statement anew; the engine runs the same few statements
 * thousands of times a second, so keep the prepared ones by their SQL text (bench/RESULTS.md).
 * Safe because nothing here iterates a statement while another use of it runs.
 */
function cachePreparedStatements(database: Database.Database, max = 1_000): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, Database.Statement>();
  database.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      if (cache.size >= max) cache.clear();
      statement = prepare(source);
      cache.set(source, statement);
    }
    return statement;
  }) as typeof database.prepare;
}

async function openPostgres(config: StoreConfig): Promise<Store> {
  const schema = config.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: config.database,
    max: config.poolSize ?? 10,
    // Instants are bigint: parse them as numbers (ms fit in 53 bits), and counts too.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID || oid === NUMERIC_OID
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  let current: string | undefined;
  const client = await pool.connect();
  try {
    if (schema) await createSchema(client, schema);
    current = (await client.query<{ s: string | null }>('select current_schema() as s')).rows[0]?.s ?? undefined;
  } finally {
    client.release();
  }
  const db = new Kysely<Db>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    caps: POSTGRES_CAPS,
    location: redact(config.database),
    schema: current,
    close: () => db.destroy(),
  };
}

/**
 * `if not exists` does not make concurrent creates safe: of two engines opening one new schema at once,
 * the loser fails on pg_namespace's unique index (23505). The schema exists then, which is all we need.
 */
async function createSchema(client: pg.PoolClient, schema: string): Promise<void> {
  try {
    await client.query(`create schema if not exists ${schema}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P06') throw error;
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
