import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/** Forgets nonces seen before `t`; returns how many. */
export async function deleteNoncesBefore(db: Kysely<Db>, t: number): Promise<number> {
  const r = await db.deleteFrom('request_nonce').where('seen_at', '<', t).executeTakeFirst();
  return Number(r.numDeletedRows);
}
