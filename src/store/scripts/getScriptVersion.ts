import type { Kysely } from 'kysely';
import { toScriptVersion } from '../rows.js';
import type { Db } from '../schema.js';
import type { ScriptVersion } from './scriptVersion.js';

export async function getScriptVersion(
  db: Kysely<Db>,
  scriptId: string,
  version: number,
): Promise<ScriptVersion | undefined> {
  const r = await db
    .selectFrom('script_version')
    .selectAll()
    .where('script_id', '=', scriptId)
    .where('version', '=', version)
    .executeTakeFirst();
  return r && toScriptVersion(r);
}
