import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/** The distinct numbers these jobs dial (a chunk of at most a few thousand ids). */
export async function phoneNumbersOfJobs(db: Kysely<Db>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('job').select('phone_number').distinct().where('id', 'in', ids).execute();
  return rows.map((r) => r.phone_number);
}
