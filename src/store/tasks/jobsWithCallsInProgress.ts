import type { Kysely } from 'kysely';
import { TaskStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

/** Which of these jobs have a call still running (a task Executing, its outcome not recorded yet). */
export async function jobsWithCallsInProgress(db: Kysely<Db>, jobIds: readonly string[]): Promise<Set<string>> {
  if (jobIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('task')
    .select('job_id')
    .where('job_id', 'in', jobIds)
    .where('status', '=', TaskStatus.Executing)
    .execute();
  return new Set(rows.map((r) => r.job_id));
}
