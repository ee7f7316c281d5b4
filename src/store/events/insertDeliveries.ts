import { type Kysely, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';

/** A delivery to make: pending, due at once, never tried. */
export interface NewDelivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  jobId: string;
  occurredAt: number;
}

const ROWS_PER_STATEMENT = 5_000;

/**
 * New deliveries, due at `now`; one already made for the same (subscription, event) is kept as it is.
 * One array per column (PostgreSQL, unnest) or one JSON array (SQLite, json_each) rather than Kysely's
 * `.values()`, which builds a node per value and binds 14 parameters a row: the fan-out of every event
 * goes through here.
 */
export async function insertDeliveries(
  db: Kysely<Db>,
  caps: StoreCaps,
  rows: readonly NewDelivery[],
  now: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT);
    if (caps.dialect === 'postgres') {
      await sql`insert into delivery (id, subscription_id, event_id, job_id, occurred_at, status, attempts,
          next_attempt_at, created_at)
        select i, s, e, j, o, 'pending', 0, ${now}::bigint, ${now}::bigint from unnest(
          ${part.map((r) => r.id)}::varchar[], ${part.map((r) => r.subscriptionId)}::varchar[],
          ${part.map((r) => r.eventId)}::varchar[], ${part.map((r) => r.jobId)}::varchar[],
          ${part.map((r) => r.occurredAt)}::bigint[]) as t(i, s, e, j, o)
        on conflict (subscription_id, event_id) do nothing`.execute(db);
    } else {
      const json = JSON.stringify(part.map((r) => [r.id, r.subscriptionId, r.eventId, r.jobId, r.occurredAt]));
      // `where true` tells SQLite's parser the ON CONFLICT belongs to the INSERT, not to a join in the SELECT.
      await sql`insert into delivery (id, subscription_id, event_id, job_id, occurred_at, status, attempts,
          next_attempt_at, created_at)
        select json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
          json_extract(value, '$[3]'), json_extract(value, '$[4]'), 'pending', 0, ${now}, ${now}
        from json_each(${json}) where true
        on conflict (subscription_id, event_id) do nothing`.execute(db);
    }
  }
}
