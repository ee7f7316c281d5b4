import type { Kysely } from 'kysely';
import type { Instance } from '../../core/types.js';
import type { Db } from '../schema.js';

export async function insertInstance(db: Kysely<Db>, instance: Instance): Promise<void> {
  await db
    .insertInto('instance')
    .values({
      id: instance.id,
      name: instance.name,
      description: instance.description,
      created_at: instance.createdAt,
    })
    .execute();
}
