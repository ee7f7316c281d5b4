import type { Kysely } from 'kysely';
import { chunkRows } from '../chunk.js';
import type { StoreCaps } from '../dialects.js';
import type { Db, TaskRow } from '../schema.js';

/** Each of these jobs' latest attempt (highest attempt number), for jobs of the instance that have one. */
export async function latestTasksOfJobs(
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
      .selectFrom('task as t')
      .selectAll('t')
      .where(
        't.job_id',
        'in',
        chunk.map((c) => c.id),
      )
      .where('t.instance_id', '=', instanceId)
      .where('t.attempt', '=', (eb) =>
        eb
          .selectFrom('task as l')
          .select((l) => l.fn.max('l.attempt').as('attempt'))
          .whereRef('l.job_id', '=', 't.job_id'),
      )
      .execute();
    out.push(...rows);
  }
  return out;
}
