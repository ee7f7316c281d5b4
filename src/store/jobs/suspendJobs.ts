import type { Kysely } from 'kysely';
import { JobStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

/**
 * Pauses those of these jobs that are waiting or being dialled; returns how many. A running call ends
 * normally and its outcome is recorded, but the job stays Paused (see updateJobAfterAttempt).
 */
export async function suspendJobs(db: Kysely<Db>, ids: readonly string[], now: number): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .updateTable('job')
    .set((eb) => ({ status: JobStatus.Paused, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', 'in', ids)
    .where('status', 'in', [JobStatus.Scheduling, JobStatus.Executing])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
