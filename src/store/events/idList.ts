import { type RawBuilder, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';

/**
 * `… in (${idList(caps, ids)})`: a list of ids bound as one parameter, a JSON array on SQLite (json_each)
 * and a text array on PostgreSQL (unnest). The statement's text is the same for any number of ids, so it is
 * prepared once, and no query-builder node is made per id.
 */
export function idList(caps: StoreCaps, ids: readonly string[]): RawBuilder<unknown> {
  return caps.dialect === 'postgres'
    ? sql`select unnest(${ids}::varchar[])`
    : sql`select value from json_each(${JSON.stringify(ids)})`;
}
