import type { Kysely } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';

/**
 * Holds the instance's row until the transaction ends, so that changes to its policy settings are serialised
 * (the settings row may not exist yet; SQLite has one writer already).
 */
export async function lockInstancePolicy(db: Kysely<Db>, caps: StoreCaps, instanceId: string): Promise<void> {
  let q = db.selectFrom('instance').select('id').where('id', '=', instanceId);
  if (caps.dialect === 'postgres') q = q.forUpdate();
  await q.execute();
}
