import type { Kysely } from 'kysely';
import type { JobGroupStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

export interface JobGroupStatusChange {
  id: string;
  /** The change applies only while the group is in one of these (compare-and-set). */
  from: readonly JobGroupStatus[];
  to: JobGroupStatus;
  now: number;
  startedAt?: number;
  finishedAt?: number | null;
}

/** Guarded status change; false when the group was not in an expected status (someone else moved it). */
export async function updateJobGroupStatus(db: Kysely<Db>, c: JobGroupStatusChange): Promise<boolean> {
  const r = await db
    .updateTable('job_group')
    .set((eb) => ({
      status: c.to,
      modified_at: c.now,
      version: eb('version', '+', 1),
      ...(c.startedAt !== undefined ? { started_at: eb.fn.coalesce('started_at', eb.val(c.startedAt)) } : {}),
      ...(c.finishedAt !== undefined ? { finished_at: c.finishedAt } : {}),
    }))
    .where('id', '=', c.id)
    .where('status', 'in', c.from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
