import type { Kysely } from 'kysely';
import type { AccessKeyRow, Db } from '../schema.js';

export async function getAccessKey(db: Kysely<Db>, id: string): Promise<AccessKeyRow | undefined> {
  return db.selectFrom('access_key').selectAll().where('id', '=', id).executeTakeFirst();
}
