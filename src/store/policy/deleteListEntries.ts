import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';
import type { NumberList } from './numberListEntry.js';

const CHUNK = 1000;

/** Removes the entries with exactly these patterns from one list; returns how many there were. */
export async function deleteListEntries(
  db: Kysely<Db>,
  scope: string,
  list: NumberList,
  patterns: readonly string[],
): Promise<number> {
  let deleted = 0;
  const unique = [...new Set(patterns)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const r = await db
      .deleteFrom('number_list')
      .where('scope', '=', scope)
      .where('list', '=', list)
      .where('pattern', 'in', unique.slice(i, i + CHUNK))
      .executeTakeFirst();
    deleted += Number(r.numDeletedRows);
  }
  return deleted;
}
