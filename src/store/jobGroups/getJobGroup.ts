import type { Kysely } from 'kysely';
import type { JobGroup } from '../../core/types.js';
import { toJobGroup } from '../rows.js';
import type { Db } from '../schema.js';

export async function getJobGroup(db: Kysely<Db>, id: string): Promise<JobGroup | undefined> {
  const r = await db.selectFrom('job_group').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toJobGroup(r);
}
