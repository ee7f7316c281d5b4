import type { Kysely } from 'kysely';
import type { AccessKeyRow, Db } from '../schema.js';

/** An instance's AccessKey pairs, oldest first, revoked ones too. */
export async function listAccessKeyRows(db: Kysely<Db>, instanceId: string): Promise<AccessKeyRow[]> {
  return db
    .selectFrom('access_key')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
