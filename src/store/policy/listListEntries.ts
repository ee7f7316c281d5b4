import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';
import { type ListEntriesQuery, listEntriesFilter } from './listEntriesFilter.js';
import { type NumberListEntry, toNumberListEntry } from './numberListEntry.js';

/** Live entries of one list in pattern order; `after` continues after a pattern (keyset), `offset` skips rows. */
export async function listListEntries(
  db: Kysely<Db>,
  q: ListEntriesQuery,
  w: { limit: number; after?: string | null; offset?: number },
): Promise<NumberListEntry[]> {
  let s = listEntriesFilter(db, q).selectAll();
  if (w.after) s = s.where('pattern', '>', w.after);
  s = s.orderBy('pattern').limit(w.limit);
  if (w.offset) s = s.offset(w.offset);
  return (await s.execute()).map(toNumberListEntry);
}
