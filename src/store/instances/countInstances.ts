import { type Kysely, sql } from 'kysely';
import type { Db } from '../schema.js';

export async function countInstances(db: Kysely<Db>): Promise<number> {
  const r = await db.selectFrom('instance').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
