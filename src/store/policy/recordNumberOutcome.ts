import { type Kysely, sql } from 'kysely';
import type { Db } from '../schema.js';

export interface NumberOutcome {
  instanceId: string;
  number: string;
  /** When the attempt started (its recordDials `at`). */
  at: number;
  /** The attempt's job: with `at`, the whole primary key of its number_dial row. */
  jobId: string;
  /** The callee answered. */
  answered: boolean;
  /** The number does not exist (TaskStatus EmptyNumber / NotExist). */
  empty: boolean;
}

/** Rows per statement: 4 parameters each (mark answered), 4 each (memory): far under every backend's limit. */
const ROWS_PER_STATEMENT = 500;

/**
 * Remembers what an attempt learnt about its number: when it was last answered (the quiet period after a
 * conversation) and whether it is empty (no more calls for a while). An answer later than the empty finding
 * clears it; outcomes arriving out of order never move either instant back.
 */
export async function recordNumberOutcome(db: Kysely<Db>, o: NumberOutcome): Promise<void> {
  await recordNumberOutcomes(db, [o]);
}

/**
 * recordNumberOutcome for a batch of attempts in a few statements (the outcome recorder's batch): on
 * PostgreSQL a statement per call would cost a round trip each.
 */
export async function recordNumberOutcomes(db: Kysely<Db>, outcomes: readonly NumberOutcome[]): Promise<void> {
  const answered = outcomes.filter((o) => o.answered);
  for (let i = 0; i < answered.length; i += ROWS_PER_STATEMENT) {
    const keys = answered
      .slice(i, i + ROWS_PER_STATEMENT)
      .map((o) => sql`(${o.instanceId}, ${o.number}, cast(${o.at} as bigint), ${o.jobId})`);
    // The whole primary key per row: on `at` alone a planner may walk the by-time index over a claim's dials.
    await sql`update number_dial set answered = 1
      where (instance_id, number, at, job_id) in (values ${sql.join(keys)})`.execute(db);
  }
  const rows = [...mergeByNumber(outcomes).values()];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db
      .insertInto('number_memory')
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .onConflict((oc) =>
        oc.columns(['instance_id', 'number']).doUpdateSet({
          empty_at: sql<number | null>`case
            when excluded.empty_at is not null
              and (number_memory.empty_at is null or excluded.empty_at > number_memory.empty_at)
              then excluded.empty_at
            when excluded.last_answered_at is not null and number_memory.empty_at <= excluded.last_answered_at
              then null
            else number_memory.empty_at end`,
          last_answered_at: sql<number | null>`case
            when excluded.last_answered_at is not null
              and (number_memory.last_answered_at is null or excluded.last_answered_at > number_memory.last_answered_at)
              then excluded.last_answered_at
            else number_memory.last_answered_at end`,
        }),
      )
      .execute();
  }
}

/**
 * One memory row per number (a statement may not touch a row twice): the latest empty finding and the latest
 * answer; an answer at or after the empty finding cancels it, as it would one stored before.
 */
function mergeByNumber(outcomes: readonly NumberOutcome[]) {
  const merged = new Map<
    string,
    { instance_id: string; number: string; empty_at: number | null; last_answered_at: number | null }
  >();
  for (const o of outcomes) {
    if (!o.answered && !o.empty) continue;
    const key = `${o.instanceId}\u0000${o.number}`;
    const row = merged.get(key) ?? {
      instance_id: o.instanceId,
      number: o.number,
      empty_at: null,
      last_answered_at: null,
    };
    if (o.empty && (row.empty_at === null || o.at > row.empty_at)) row.empty_at = o.at;
    if (o.answered && (row.last_answered_at === null || o.at > row.last_answered_at)) row.last_answered_at = o.at;
    merged.set(key, row);
  }
  for (const row of merged.values()) {
    if (row.empty_at !== null && row.last_answered_at !== null && row.last_answered_at >= row.empty_at)
      row.empty_at = null;
  }
  return merged;
}
