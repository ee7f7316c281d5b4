import type { Kysely } from 'kysely';
import { JobStatus } from '../../core/enums.js';
import type { Db, JobRow } from '../schema.js';

/** Those of these jobs that are Paused, whole rows: what a resume plans from. */
export async function getPausedJobs(db: Kysely<Db>, ids: readonly string[]): Promise<JobRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('job').selectAll().where('id', 'in', ids).where('status', '=', JobStatus.Paused).execute();
}
