import { type Kysely, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';
import type { NumberList } from './numberListEntry.js';

export interface NewListEntry {
  scope: string;
  list: NumberList;
  pattern: string;
  /** '' = none; an entry already stored keeps its reason then. */
  reason: string;
  expiresAt: number | null;
}

const ROWS_PER_STATEMENT = 10_000;

const onConflict = sql`on conflict (scope, list, pattern) do update set
  reason = case when excluded.reason = '' then number_list.reason else excluded.reason end,
  expires_at = excluded.expires_at`;

/**
 * Adds entries, or updates the reason and expiry of those already listed (the entry keeps its created_at).
 * Call inside a transaction to make a batch atomic. Returns how many distinct entries were written.
 *
 * Why not `insertInto('number_list').values(rows)`: Kysely builds a node per value and the backend parses a
 * statement of 6 × n parameters anew each time. Measured on 100,000 entries in transactions of 5,000: SQLite
 * 1.2 s with `.values()`, 0.63 s with one JSON array read by json_each; PostgreSQL 6.9 s with `.values()`,
 * 1.7 s with one array per column read by unnest. Both bind a fixed handful of parameters per statement.
 */
export async function upsertListEntries(
  db: Kysely<Db>,
  caps: StoreCaps,
  entries: readonly NewListEntry[],
  now: number,
): Promise<number> {
  // One statement may not name a row twice (PostgreSQL: "cannot affect row a second time"): the last one wins.
  const byKey = new Map<string, NewListEntry>();
  for (const e of entries) byKey.set(`${e.scope}\u0000${e.list}\u0000${e.pattern}`, e);
  const rows = [...byKey.values()];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT);
    if (caps.dialect === 'postgres') {
      await sql`insert into number_list (scope, list, pattern, reason, expires_at, created_at)
        select s, l, p, r, e, ${now}::bigint from unnest(
          ${part.map((e) => e.scope)}::varchar[], ${part.map((e) => e.list)}::varchar[],
          ${part.map((e) => e.pattern)}::varchar[], ${part.map((e) => e.reason)}::text[],
          ${part.map((e) => e.expiresAt)}::bigint[]) as t(s, l, p, r, e)
        ${onConflict}`.execute(db);
    } else {
      const json = JSON.stringify(part.map((e) => [e.scope, e.list, e.pattern, e.reason, e.expiresAt]));
      // `where true` tells SQLite's parser the ON CONFLICT belongs to the INSERT, not to a join in the SELECT.
      await sql`insert into number_list (scope, list, pattern, reason, expires_at, created_at)
        select json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
          json_extract(value, '$[3]'), json_extract(value, '$[4]'), ${now}
        from json_each(${json}) where true
        ${onConflict}`.execute(db);
    }
  }
  return rows.length;
}
