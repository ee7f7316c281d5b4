import { type Kysely, sql } from 'kysely';
import type { Db } from '../schema.js';

export async function countScripts(db: Kysely<Db>, instanceId: string): Promise<number> {
  const r = await db
    .selectFrom('script')
    .select(sql<number>`count(*)`.as('n'))
    .where('instance_id', '=', instanceId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
