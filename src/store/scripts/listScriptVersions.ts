import type { Kysely } from 'kysely';
import { toScriptVersionInfo } from '../rows.js';
import type { Db } from '../schema.js';
import type { ScriptVersionInfo } from './scriptVersion.js';

/** Every version of the script, newest first, without bodies. */
export async function listScriptVersions(db: Kysely<Db>, scriptId: string): Promise<ScriptVersionInfo[]> {
  const rows = await db
    .selectFrom('script_version')
    .select(['script_id', 'version', 'created_at', 'published_at'])
    .where('script_id', '=', scriptId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toScriptVersionInfo);
}
