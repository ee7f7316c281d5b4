import { type Kysely, sql } from 'kysely';
import type { Db } from '../schema.js';

export async function countInstanceLines(db: Kysely<Db>, instanceId: string): Promise<number> {
  const r = await db
    .selectFrom('line')
    .innerJoin('line_group as g', 'g.id', 'line.line_group_id')
    .select(sql<number>`count(*)`.as('n'))
    .where('g.instance_id', '=', instanceId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
