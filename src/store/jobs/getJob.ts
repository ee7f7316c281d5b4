import type { Kysely } from 'kysely';
import type { Db, JobRow } from '../schema.js';

/** The instance's job; another instance's is as absent as a missing one. */
export async function getJob(db: Kysely<Db>, instanceId: string, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('job').selectAll().where('id', '=', id).where('instance_id', '=', instanceId).executeTakeFirst();
}
