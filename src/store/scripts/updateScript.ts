import type { Kysely } from 'kysely';
import type { Script } from '../../core/types.js';
import { toScript } from '../rows.js';
import type { Db } from '../schema.js';

/** What may change on a script row; `newVersion` counts one more version written (latest_version + 1). */
export interface ScriptRowChange {
  name?: string;
  description?: string;
  industry?: string;
  scene?: string;
  language?: string;
  newVersion?: boolean;
}

/**
 * Applies the change and stamps modified_at; the script as it now is, or undefined when there is no such
 * script. Counting the new version in the row's own update makes concurrent writers take distinct numbers.
 */
export async function updateScript(
  db: Kysely<Db>,
  id: string,
  change: ScriptRowChange,
  at: number,
): Promise<Script | undefined> {
  const r = await db
    .updateTable('script')
    .set((eb) => ({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.description !== undefined ? { description: change.description } : {}),
      ...(change.industry !== undefined ? { industry: change.industry } : {}),
      ...(change.scene !== undefined ? { scene: change.scene } : {}),
      ...(change.language !== undefined ? { language: change.language } : {}),
      modified_at: at,
      ...(change.newVersion ? { latest_version: eb('latest_version', '+', 1) } : {}),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return r && toScript(r);
}
