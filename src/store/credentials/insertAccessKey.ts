import type { Kysely } from 'kysely';
import type { AccessKeyRow, Db } from '../schema.js';

export async function insertAccessKey(db: Kysely<Db>, row: AccessKeyRow): Promise<void> {
  await db.insertInto('access_key').values(row).execute();
}
