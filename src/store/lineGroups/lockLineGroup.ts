import type { Kysely } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';

/**
 * Holds the line group's row until the transaction ends, so changes to its lines are serialised
 * (SQLite has one writer already). Returns its instance, undefined when it does not exist.
 */
export async function lockLineGroup(
  db: Kysely<Db>,
  caps: StoreCaps,
  id: string,
): Promise<{ instanceId: string } | undefined> {
  let q = db.selectFrom('line_group').select('instance_id').where('id', '=', id);
  if (caps.dialect === 'postgres') q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && { instanceId: r.instance_id };
}
