import type { Kysely } from 'kysely';
import type { PolicySettings } from '../../core/policy/types.js';
import type { Db } from '../schema.js';

export interface StoredPolicySettings {
  settings: PolicySettings;
  modifiedAt: number;
}

/** The instance's own policy settings as last written, or null when it never set any. */
export async function getPolicySettings(db: Kysely<Db>, instanceId: string): Promise<StoredPolicySettings | null> {
  const row = await db
    .selectFrom('contact_policy')
    .select(['settings', 'modified_at'])
    .where('instance_id', '=', instanceId)
    .executeTakeFirst();
  // Written by putPolicySettings after validation: the JSON is PolicySettings.
  return row ? { settings: JSON.parse(row.settings) as PolicySettings, modifiedAt: row.modified_at } : null;
}
