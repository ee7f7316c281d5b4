import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/** Which of these referenceIds the group already holds. */
export async function findExistingReferenceIds(
  db: Kysely<Db>,
  jobGroupId: string,
  referenceIds: readonly string[],
): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < referenceIds.length; i += 1000) {
    const rows = await db
      .selectFrom('job')
      .select('reference_id')
      .where('job_group_id', '=', jobGroupId)
      .where('reference_id', 'in', referenceIds.slice(i, i + 1000))
      .execute();
    for (const r of rows) found.push(r.reference_id);
  }
  return found;
}
