import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';
import type { ScriptVersion } from './scriptVersion.js';

/** Writes one version; a version is never changed afterwards, except for the moment it is first published. */
export async function insertScriptVersion(db: Kysely<Db>, v: ScriptVersion): Promise<void> {
  await db
    .insertInto('script_version')
    .values({
      script_id: v.scriptId,
      version: v.version,
      body: JSON.stringify(v.body),
      source: v.source,
      created_at: v.createdAt,
      published_at: v.publishedAt,
    })
    .execute();
}
