import { type Kysely, sql } from 'kysely';
import { likeContains } from '../jobGroups/jobGroupFilter.js';
import type { Db } from '../schema.js';

/** Ids of the instance's job groups that name the line group. */
export async function jobGroupsUsingLineGroup(
  db: Kysely<Db>,
  instanceId: string,
  lineGroupId: string,
): Promise<string[]> {
  // line_group_ids is JSON text: the LIKE narrows the rows, parsing decides.
  const rows = await db
    .selectFrom('job_group')
    .select(['id', 'line_group_ids'])
    .where('instance_id', '=', instanceId)
    .where(sql<boolean>`line_group_ids like ${likeContains(JSON.stringify(lineGroupId))} escape '\\'`)
    .execute();
  return rows.filter((r) => (JSON.parse(r.line_group_ids) as string[]).includes(lineGroupId)).map((r) => r.id);
}
