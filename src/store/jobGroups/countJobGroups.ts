import { type Kysely, sql } from 'kysely';
import type { Db } from '../schema.js';
import { filterJobGroups, type JobGroupFilter } from './jobGroupFilter.js';

export async function countJobGroups(db: Kysely<Db>, f: JobGroupFilter): Promise<number> {
  const r = await filterJobGroups(db, f).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
