import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';
import { filterJobsAfter, type JobFilter, type JobKey } from './jobFilter.js';

/** The next `limit` jobs' keys after `after`, in (created_at, id) order: how a bulk command walks a million jobs. */
export async function listJobKeys(
  db: Kysely<Db>,
  f: JobFilter,
  after: JobKey | null,
  limit: number,
): Promise<JobKey[]> {
  const rows = await filterJobsAfter(db, f, after).select(['id', 'created_at']).limit(limit).execute();
  return rows.map((r) => ({ id: r.id, createdAt: Number(r.created_at) }));
}
