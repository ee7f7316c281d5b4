import type { Kysely } from 'kysely';
import type { Instance } from '../../core/types.js';
import { toInstance } from '../rows.js';
import type { Db } from '../schema.js';

export async function getInstance(db: Kysely<Db>, id: string): Promise<Instance | undefined> {
  const r = await db.selectFrom('instance').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toInstance(r);
}
