import type { Kysely } from 'kysely';
import type { ApiKeyRow, Db } from '../schema.js';

/** The keys of one instance, or the operator keys when `instanceId` is null; oldest first, revoked ones too. */
export async function listApiKeyRows(db: Kysely<Db>, instanceId: string | null): Promise<ApiKeyRow[]> {
  return db
    .selectFrom('api_key')
    .selectAll()
    .where('instance_id', instanceId === null ? 'is' : '=', instanceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
