import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/openStore.js';

export type TestDialect = 'sqlite' | 'postgres';

/** `sqlite,postgres` unless OUTDIAL_TEST_DIALECTS narrows it. */
export const TEST_DIALECTS: TestDialect[] = (process.env.OUTDIAL_TEST_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is TestDialect => d === 'sqlite' || d === 'postgres');

export const TEST_POSTGRES_URL = process.env.OUTDIAL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStore extends Store {
  drop(): Promise<void>;
}

/** A schema name no other test uses: `t_<20 hex>`. */
export const freshSchemaName = (): string => `t_${randomUUID().replaceAll('-', '').slice(0, 20)}`;

/**
 * A fresh store, migrated unless `migrate: false`: `:memory:` SQLite, or a new schema on the loopback
 * PostgreSQL (`schema` names it, for tests that open several stores on one schema).
 */
export async function openTestStore(
  dialect: TestDialect,
  o: { migrate?: boolean; schema?: string } = {},
): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const store = await openStore({ database: ':memory:', migrate: o.migrate ?? true });
    return { ...store, drop: () => store.close() };
  }
  await ensurePostgres();
  const schema = o.schema ?? freshSchemaName();
  const store = await openStore({ database: TEST_POSTGRES_URL, schema, poolSize: 4, migrate: o.migrate ?? true });
  return {
    ...store,
    async drop() {
      await store.close();
      await dropPostgresSchema(schema);
    },
  };
}

export async function dropPostgresSchema(schema: string): Promise<void> {
  const client = new pg.Client(TEST_POSTGRES_URL);
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

let postgresChecked: Promise<void> | undefined;

/** Starts the machine's PostgreSQL when it is not running; fails naming the service when it cannot. */
export function ensurePostgres(): Promise<void> {
  postgresChecked ??= (async () => {
    if (await canConnect()) return;
    try {
      execSync('pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start', { stdio: 'ignore' });
    } catch {
      // fall through to the check below
    }
    for (let i = 0; i < 20; i++) {
      if (await canConnect()) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL} and could not be started`);
  })();
  return postgresChecked;
}

async function canConnect(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
