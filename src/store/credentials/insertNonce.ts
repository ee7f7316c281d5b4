import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/**
 * Records a nonce; false when the pair (key, nonce) was already there. `ON CONFLICT DO NOTHING` on both
 * backends: a duplicate is not an error that would abort a surrounding PostgreSQL transaction, and of
 * concurrent inserts of one nonce exactly one reports a row.
 */
export async function insertNonce(
  db: Kysely<Db>,
  row: { accessKeyId: string; nonce: string; seenAt: number },
): Promise<boolean> {
  const r = await db
    .insertInto('request_nonce')
    .values({ access_key_id: row.accessKeyId, nonce: row.nonce, seen_at: row.seenAt })
    .onConflict((oc) => oc.columns(['access_key_id', 'nonce']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
