import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { configureSqlite, openStore, type Store } from '../src/store/openStore.js';

export type BenchDialect = 'sqlite' | 'postgres';

export const BENCH_POSTGRES_URL = process.env.OUTDIAL_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, migrated store opened the way the product opens it, plus what a bare-driver baseline needs. */
export interface BenchStore extends Store {
  dialect: BenchDialect;
  /** The SQLite file (WAL, as openStore sets it). */
  sqlitePath?: string;
  /** The PostgreSQL schema, dropped by `drop()`. */
  pgSchema?: string;
  /** Closes the store and removes the file or schema. */
  drop(): Promise<void>;
}

export async function openBenchStore(dialect: BenchDialect): Promise<BenchStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'outdial-bench-'));
    const path = join(dir, 'outdial.db');
    const store = await openStore({ database: path });
    const close = closeOnce(store);
    return {
      ...store,
      dialect,
      sqlitePath: path,
      close,
      async drop() {
        await close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const store = await openStore({ database: BENCH_POSTGRES_URL, schema, poolSize: 4 });
  const close = closeOnce(store);
  return {
    ...store,
    dialect,
    pgSchema: schema,
    close,
    async drop() {
      await close();
      const client = new pg.Client(BENCH_POSTGRES_URL);
      await client.connect();
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Closing twice (close, then drop) closes the store once. */
function closeOnce(store: Store): () => Promise<void> {
  let closed: Promise<void> | undefined;
  return () => {
    closed ??= store.close();
    return closed;
  };
}

/** A bare better-sqlite3 connection to the bench file, with the pragmas openStore sets. */
export function openRawSqlite(path: string): Database.Database {
  const database = new Database(path);
  configureSqlite(database);
  return database;
}

/** A bare pg client on the bench schema. */
export async function openRawPostgres(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL, options: `-c search_path=${schema}` });
  await client.connect();
  return client;
}

/**
 * Lets the database finish what earlier work left behind before a timed run: on PostgreSQL a CHECKPOINT
 * writes out the dirty buffers of the setup (or of the previous scenario's million rows), which would
 * otherwise land in the middle of the measurement. SQLite stores are a fresh file each: nothing to do.
 */
export async function settle(store: BenchStore): Promise<void> {
  if (store.dialect !== 'postgres') return;
  const client = new pg.Client(BENCH_POSTGRES_URL);
  await client.connect();
  try {
    await client.query('checkpoint');
  } finally {
    await client.end();
  }
}
