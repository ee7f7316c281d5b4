import { type Kysely, sql } from 'kysely';
import type { Db } from '../schema.js';
import { filterJobs, type JobFilter } from './jobFilter.js';

export async function countJobs(db: Kysely<Db>, f: JobFilter): Promise<number> {
  const r = await filterJobs(db, f).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
