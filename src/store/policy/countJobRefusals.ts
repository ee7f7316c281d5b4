import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/** How many refused and deferred dials a job has in its audit trail. */
export async function countJobRefusals(db: Kysely<Db>, jobId: string): Promise<number> {
  const r = await db
    .selectFrom('policy_refusal')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('job_id', '=', jobId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
