import type { Kysely } from 'kysely';
import { JobStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

/** The earliest planned attempt among a group's waiting jobs, or null when none waits. */
export async function nextDueAt(db: Kysely<Db>, jobGroupId: string): Promise<number | null> {
  const r = await db
    .selectFrom('job')
    .select('next_attempt_at')
    .where('job_group_id', '=', jobGroupId)
    .where('status', '=', JobStatus.Scheduling)
    .where('next_attempt_at', 'is not', null)
    .orderBy('next_attempt_at')
    .limit(1)
    .executeTakeFirst();
  return r?.next_attempt_at ?? null;
}
