import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

/**
 * Makes `version` the one the script's new job groups run: the script turns PUBLISHED and the version keeps
 * the time it was first published. False when the script has no such version. Run it in a transaction.
 */
export async function markScriptPublished(
  db: Kysely<Db>,
  scriptId: string,
  version: number,
  at: number,
): Promise<boolean> {
  const r = await db
    .updateTable('script')
    .set({ published_version: version, status: 'PUBLISHED', modified_at: at })
    .where('id', '=', scriptId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('script_version').select('version').where('script_id', '=', scriptId).where('version', '=', version),
      ),
    )
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await db
    .updateTable('script_version')
    .set({ published_at: at })
    .where('script_id', '=', scriptId)
    .where('version', '=', version)
    .where('published_at', 'is', null)
    .execute();
  return true;
}
