import { type Kysely, sql } from 'kysely';
import { TaskStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

/** Calls of the group still running (tasks Executing), by the task_by_group index. */
export async function countCallsInProgress(db: Kysely<Db>, jobGroupId: string): Promise<number> {
  const r = await db
    .selectFrom('task')
    .select(sql<number>`count(*)`.as('n'))
    .where('job_group_id', '=', jobGroupId)
    .where('status', '=', TaskStatus.Executing)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
