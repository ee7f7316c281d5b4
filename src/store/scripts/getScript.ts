import type { Kysely } from 'kysely';
import type { Script } from '../../core/types.js';
import { toScript } from '../rows.js';
import type { Db } from '../schema.js';

export async function getScript(db: Kysely<Db>, id: string): Promise<Script | undefined> {
  const r = await db.selectFrom('script').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toScript(r);
}
