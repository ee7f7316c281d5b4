import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';
import { type ListEntriesQuery, listEntriesFilter } from './listEntriesFilter.js';

/** How many live entries the query matches. */
export async function countListEntries(db: Kysely<Db>, q: ListEntriesQuery): Promise<number> {
  const r = await listEntriesFilter(db, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
