import { performance } from 'node:perf_hooks';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Db } from '../src/store/schema.js';
import { BENCH_POSTGRES_URL, type BenchStore, openRawSqlite } from './benchStore.js';

/** Which store function a statement comes from, told by its SQL. */
const FAMILIES: [RegExp, string][] = [
  [/^with "due"/, 'claimDueJobs'],
  [/^insert into "task"/, 'insertTasks'],
  [/^update "task" set "status"/, 'completeTask'],
  [/^update "job" set "attempts"/, 'updateJobAfterAttempt'],
  [/^update "job" set "status"/, 'replanClaimedJob / failJobsTimeUp'],
  [/^update "task" set "lease_until"/, 'renewLeases'],
  [/^select .* from "task"/, 'closeExpiredTasks'],
  [/^select .* from "job_group"/, 'listRunnableJobGroups / getJobGroup'],
  [/^update "job_group"/, 'updateJobGroupStatus'],
  [/^select "next_attempt_at" from "job"/, 'nextDueAt'],
  [/^select "id" from "job"/, 'hasOpenJobs'],
  [/^select .* from "line/, 'getLineGroups'],
  [/^(begin|commit|rollback)/i, 'begin / commit'],
];

export interface StatementStats {
  family: string;
  count: number;
  ms: number;
}

/**
 * A second Kysely on a bench store's database whose every statement is timed (Kysely's `log`), for
 * telling what costs what. `cacheStatements` (SQLite) keeps better-sqlite3 statements by SQL text
 * instead of preparing each one anew, as Kysely's driver does: a what-if for openStore.
 */
export function openTimedDb(store: BenchStore, o: { cacheStatements?: boolean } = {}) {
  const stats = new Map<string, StatementStats>();
  const log = (event: LogEvent) => {
    const text = event.query.sql.trimStart();
    const family = FAMILIES.find(([re]) => re.test(text))?.[1] ?? text.slice(0, 40);
    let s = stats.get(family);
    if (!s) {
      s = { family, count: 0, ms: 0 };
      stats.set(family, s);
    }
    s.count++;
    s.ms += event.queryDurationMillis;
  };
  let db: Kysely<Db>;
  if (store.dialect === 'sqlite') {
    const database = openRawSqlite(store.sqlitePath as string);
    if (o.cacheStatements) {
      const cache = new Map<string, ReturnType<typeof database.prepare>>();
      const cached = {
        prepare(text: string) {
          let s = cache.get(text);
          if (!s) {
            s = database.prepare(text);
            if (cache.size < 1000) cache.set(text, s);
          }
          return s;
        },
        close: () => database.close(),
      };
      db = new Kysely<Db>({ dialect: new SqliteDialect({ database: cached as never }), log });
    } else {
      db = new Kysely<Db>({ dialect: new SqliteDialect({ database }), log });
    }
  } else {
    const pool = new pg.Pool({
      connectionString: BENCH_POSTGRES_URL,
      max: 4,
      options: `-c search_path=${store.pgSchema}`,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === 20 || oid === 1700
            ? (v: string) => Number(v)
            : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
      },
    });
    db = new Kysely<Db>({ dialect: new PostgresDialect({ pool }), log });
  }
  const t0 = performance.now();
  return {
    db,
    caps: store.caps,
    stats: () => [...stats.values()].sort((a, b) => b.ms - a.ms),
    elapsedMs: () => performance.now() - t0,
    close: () => db.destroy(),
  };
}
