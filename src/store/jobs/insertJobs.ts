import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db, NewJobRow } from '../schema.js';

/** Every column of `job`, in one fixed order: the statements below bind rows by position. */
export const JOB_COLUMNS = [
  'id',
  'instance_id',
  'job_group_id',
  'reference_id',
  'status',
  'failure_reason',
  'priority',
  'phone_number',
  'contacts',
  'extras',
  'time_zone',
  'strategy',
  'next_attempt_at',
  'attempts',
  'day_key',
  'day_attempts',
  'last_ended_at',
  'created_at',
  'updated_at',
  'finished_at',
  'version',
] as const satisfies readonly (keyof NewJobRow)[];

/** The element type of each column's array in the PostgreSQL `unnest` (as migration 0001 declares it). */
export const JOB_COLUMN_PG_ARRAY_TYPES: Record<(typeof JOB_COLUMNS)[number], string> = {
  id: 'varchar[]',
  instance_id: 'varchar[]',
  job_group_id: 'varchar[]',
  reference_id: 'varchar[]',
  status: 'int4[]',
  failure_reason: 'int4[]',
  priority: 'int4[]',
  phone_number: 'varchar[]',
  contacts: 'text[]',
  extras: 'text[]',
  time_zone: 'varchar[]',
  strategy: 'text[]',
  next_attempt_at: 'int8[]',
  attempts: 'int4[]',
  day_key: 'varchar[]',
  day_attempts: 'int4[]',
  last_ended_at: 'int8[]',
  created_at: 'int8[]',
  updated_at: 'int8[]',
  finished_at: 'int8[]',
  version: 'int4[]',
};

/** Rows per PostgreSQL statement: 21 arrays whatever the count; this only bounds one message's size. */
const PG_ROWS_PER_STATEMENT = 10_000;
/** Rows per SQLite statement (10,500 parameters); larger statements were no faster in bench/ingest. */
const SQLITE_ROWS_PER_STATEMENT = 500;

const SQLITE_ROW = `(${JOB_COLUMNS.map(() => '?').join(', ')})`;
const sqliteInsert = (rows: number) =>
  `insert into "job" (${JOB_COLUMNS.map((c) => `"${c}"`).join(', ')}) values ${Array(rows).fill(SQLITE_ROW).join(', ')}`;
let fullSqliteInsert: { rows: number; text: string } | undefined;

/**
 * Bulk insert; run it inside the caller's transaction (assignJobs does).
 *
 * Why not `insertInto('job').values(rows)`: Kysely builds a node per value and compiles a statement of
 * 21 × n parameters, and the backend parses it anew each time. `npm run bench` (ingest, 2,000 jobs per
 * assignJobs call, against a raw driver insert of the same rows, 100,000 jobs) measured:
 * - PostgreSQL: one `INSERT … SELECT * FROM unnest($1::varchar[], … $21::int4[])` binds 21 arrays: 62 µs/job
 *   through assignJobs vs 91 with `.values()` (raw unnest 45: 71% of raw instead of 50%).
 * - SQLite: the same multi-row VALUES text, built once per size and run as a CompiledQuery, skips
 *   Kysely's per-value nodes: 46 µs/job vs 58 (raw prepared single-row INSERTs 31: 66% instead of 52%).
 *   better-sqlite3 still prepares the statement on every call (Kysely's driver does), which is most of
 *   what remains between this and the raw insert.
 */
export async function insertJobs(db: Kysely<Db>, caps: StoreCaps, rows: readonly NewJobRow[]): Promise<void> {
  if (caps.dialect === 'postgres') {
    for (let k = 0; k < rows.length; k += PG_ROWS_PER_STATEMENT) {
      const part = rows.slice(k, k + PG_ROWS_PER_STATEMENT);
      const arrays = JOB_COLUMNS.map(
        (c) => sql`${sql.val(part.map((r) => r[c] ?? null))}::${sql.raw(JOB_COLUMN_PG_ARRAY_TYPES[c])}`,
      );
      await db
        .insertInto('job')
        .columns(JOB_COLUMNS)
        .expression(sql`select * from unnest(${sql.join(arrays)})`)
        .execute();
    }
    return;
  }
  const perStatement = Math.max(
    1,
    Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor(caps.maxParameters / JOB_COLUMNS.length)),
  );
  for (let k = 0; k < rows.length; k += perStatement) {
    const n = Math.min(perStatement, rows.length - k);
    const parameters: unknown[] = new Array(n * JOB_COLUMNS.length);
    let p = 0;
    for (let i = k; i < k + n; i++) {
      const r = rows[i] as NewJobRow;
      for (const c of JOB_COLUMNS) parameters[p++] = r[c] ?? null;
    }
    if (fullSqliteInsert?.rows !== perStatement) {
      fullSqliteInsert = { rows: perStatement, text: sqliteInsert(perStatement) };
    }
    const text = n === perStatement ? fullSqliteInsert.text : sqliteInsert(n);
    await db.executeQuery(CompiledQuery.raw(text, parameters));
  }
}
