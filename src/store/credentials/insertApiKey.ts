import type { Kysely } from 'kysely';
import type { ApiKeyRow, Db } from '../schema.js';

export async function insertApiKey(db: Kysely<Db>, row: ApiKeyRow): Promise<void> {
  await db.insertInto('api_key').values(row).execute();
}
