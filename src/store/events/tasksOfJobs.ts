import type { Kysely } from 'kysely';
import type { Db, TaskRow } from '../schema.js';

/** Every task of these jobs, by job, in attempt order: what a JobComplete event lists. */
export async function tasksOfJobsForEvents(db: Kysely<Db>, jobIds: readonly string[]): Promise<Map<string, TaskRow[]>> {
  const out = new Map<string, TaskRow[]>();
  for (let i = 0; i < jobIds.length; i += 1000) {
    const rows = await db
      .selectFrom('task')
      .selectAll()
      .where('job_id', 'in', jobIds.slice(i, i + 1000))
      .orderBy('job_id')
      .orderBy('attempt')
      .execute();
    for (const r of rows) {
      const list = out.get(r.job_id);
      if (list) list.push(r);
      else out.set(r.job_id, [r]);
    }
  }
  return out;
}
