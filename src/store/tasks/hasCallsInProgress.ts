import type { Kysely } from 'kysely';
import { TaskStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

/** True while a call of the group runs (a task Executing), by the task_by_group index. */
export async function hasCallsInProgress(db: Kysely<Db>, jobGroupId: string): Promise<boolean> {
  const r = await db
    .selectFrom('task')
    .select('id')
    .where('job_group_id', '=', jobGroupId)
    .where('status', '=', TaskStatus.Executing)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}
