import { type RawBuilder, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';

/**
 * `where ${idIn(caps, 'id', ids)}`: the column is one of a list of ids bound as one parameter, a text array on
 * PostgreSQL (`= any`) and a JSON array on SQLite (json_each). The statement's text is the same for any number of
 * ids, so it is prepared once, and no query-builder node is made per id. On PostgreSQL `= any` makes the ids an
 * index condition of the column's own index, one probe per id; `in (select unnest(…))` was planned as a join
 * that could read the whole table, or every pending delivery, to find a batch.
 */
export function idIn(caps: StoreCaps, column: 'id' | 'event_id', ids: readonly string[]): RawBuilder<unknown> {
  return caps.dialect === 'postgres'
    ? sql`${sql.raw(column)} = any(${ids}::varchar[])`
    : sql`${sql.raw(column)} in (select value from json_each(${JSON.stringify(ids)}))`;
}
