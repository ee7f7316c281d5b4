import type { Kysely } from 'kysely';
import type { Line } from '../../core/types.js';
import { toLine } from '../rows.js';
import type { Db } from '../schema.js';

export interface InstanceLine {
  line: Line;
  lineGroupId: string;
  lineGroupName: string;
}

/** Every line of the instance: line groups oldest first, each group's lines in order. */
export async function listInstanceLines(
  db: Kysely<Db>,
  instanceId: string,
  w: { limit: number; offset: number },
): Promise<InstanceLine[]> {
  const rows = await db
    .selectFrom('line')
    .innerJoin('line_group as g', 'g.id', 'line.line_group_id')
    .selectAll('line')
    .select('g.name as group_name')
    .where('g.instance_id', '=', instanceId)
    .orderBy('g.created_at')
    .orderBy('g.id')
    .orderBy('line.position')
    .orderBy('line.id')
    .limit(w.limit)
    .offset(w.offset)
    .execute();
  return rows.map(({ group_name, ...l }) => ({
    line: toLine(l),
    lineGroupId: l.line_group_id,
    lineGroupName: group_name,
  }));
}
