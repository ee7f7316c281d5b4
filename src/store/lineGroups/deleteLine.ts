import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

export async function deleteLine(db: Kysely<Db>, lineGroupId: string, lineId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('line')
    .where('id', '=', lineId)
    .where('line_group_id', '=', lineGroupId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
