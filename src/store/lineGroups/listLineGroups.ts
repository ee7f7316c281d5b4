import type { Kysely } from 'kysely';
import type { LineGroup } from '../../core/types.js';
import { toLineGroup } from '../rows.js';
import type { Db } from '../schema.js';

/** The instance's line groups with their lines in order, oldest first. */
export async function listLineGroups(db: Kysely<Db>, instanceId: string): Promise<LineGroup[]> {
  const groups = await db
    .selectFrom('line_group')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (groups.length === 0) return [];
  const lines = await db
    .selectFrom('line')
    .innerJoin('line_group', 'line_group.id', 'line.line_group_id')
    .selectAll('line')
    .where('line_group.instance_id', '=', instanceId)
    .execute();
  return groups.map((g) => toLineGroup(g, lines));
}
