import type { Kysely } from 'kysely';
import type { Job } from '../../core/types.js';
import { toJob } from '../rows.js';
import type { Db } from '../schema.js';
import { filterJobsAfter, type JobFilter, type JobKey } from './jobFilter.js';

/** One page of the filter's jobs in assignment order: after a key (cursor), or after skipping `offset` rows. */
export async function listJobs(
  db: Kysely<Db>,
  f: JobFilter,
  w: { limit: number; offset?: number; after?: JobKey | null },
): Promise<Job[]> {
  let q = filterJobsAfter(db, f, w.after ?? null)
    .selectAll()
    .limit(w.limit);
  if (w.offset) q = q.offset(w.offset);
  return (await q.execute()).map(toJob);
}
