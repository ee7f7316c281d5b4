import type { Kysely } from 'kysely';
import type { Script } from '../../core/types.js';
import type { Db } from '../schema.js';

export async function insertScript(db: Kysely<Db>, s: Script): Promise<void> {
  await db
    .insertInto('script')
    .values({
      id: s.id,
      instance_id: s.instanceId,
      name: s.name,
      description: s.description,
      industry: s.industry,
      scene: s.scene,
      status: s.status,
      language: s.language,
      latest_version: s.latestVersion,
      published_version: s.publishedVersion,
      created_at: s.createdAt,
      modified_at: s.modifiedAt,
    })
    .execute();
}
