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

/**
 * Remembers what an attempt learnt about its number: when it was last answered (the quiet period after a
 * conversation) and whether it is empty (no more calls for a while). An answer later than the empty finding
 * clears it; outcomes arriving out of order never move either instant back.
 */
export async function recordNumberOutcome(db: Kysely<Db>, o: NumberOutcome): Promise<void> {
  if (!o.answered && !o.empty) return;
  if (o.answered) {
    await db
      .updateTable('number_dial')
      .set({ answered: 1 })
      .where('instance_id', '=', o.instanceId)
      .where('number', '=', o.number)
      .where('at', '=', o.at)
      // The whole key: on `at` alone a planner may walk the by-time index over every dial of the same claim.
      .where('job_id', '=', o.jobId)
      .execute();
  }
  await db
    .insertInto('number_memory')
    .values({
      instance_id: o.instanceId,
      number: o.number,
      empty_at: o.empty ? o.at : null,
      last_answered_at: o.answered ? o.at : null,
    })
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
