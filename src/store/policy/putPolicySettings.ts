import type { Kysely } from 'kysely';
import type { PolicySettings } from '../../core/policy/types.js';
import type { Db } from '../schema.js';

/** Stores the instance's policy settings (already validated), replacing what it had. */
export async function putPolicySettings(
  db: Kysely<Db>,
  instanceId: string,
  settings: PolicySettings,
  now: number,
): Promise<void> {
  const json = JSON.stringify(settings);
  await db
    .insertInto('contact_policy')
    .values({ instance_id: instanceId, settings: json, modified_at: now })
    .onConflict((oc) => oc.column('instance_id').doUpdateSet({ settings: json, modified_at: now }))
    .execute();
}
