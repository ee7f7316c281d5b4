import type { Kysely } from 'kysely';
import type { ApiKeyRow, Db } from '../schema.js';

export async function getApiKey(db: Kysely<Db>, id: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_key').selectAll().where('id', '=', id).executeTakeFirst();
}
