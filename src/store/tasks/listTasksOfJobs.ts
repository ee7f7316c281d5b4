import type { Kysely } from 'kysely';
import { chunkRows } from '../chunk.js';
import type { StoreCaps } from '../dialects.js';
import type { Db, TaskRow } from '../schema.js';

/** Every task of these jobs of the instance, each job's in attempt order (the task_attempt_unique index). */
export async function listTasksOfJobs(
  db: Kysely<Db>,
  caps: StoreCaps,
  instanceId: string,
  jobIds: readonly string[],
): Promise<TaskRow[]> {
  const out: TaskRow[] = [];
  for (const chunk of chunkRows(
    jobIds.map((id) => ({ id })),
    caps.maxParameters - 1,
  )) {
    const rows = await db
      .selectFrom('task')
      .selectAll()
      .where(
        'job_id',
        'in',
        chunk.map((c) => c.id),
      )
      .where('instance_id', '=', instanceId)
      .orderBy('job_id')
      .orderBy('attempt')
      .execute();
    out.push(...rows);
  }
  return out;
}
