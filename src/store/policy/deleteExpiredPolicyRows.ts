import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';
import { NUMBER_DIAL_RETENTION_MS } from './policyRetention.js';

/**
 * The cleanup: attempts older than the retention (8 days) and list entries at or past their expiry, each
 * found by an index range. Run it now and then (hourly is plenty); returns what it deleted.
 */
export async function deleteExpiredPolicyRows(
  db: Kysely<Db>,
  now: number,
): Promise<{ dials: number; listEntries: number }> {
  const dials = await db
    .deleteFrom('number_dial')
    .where('at', '<', now - NUMBER_DIAL_RETENTION_MS)
    .executeTakeFirst();
  const entries = await db
    .deleteFrom('number_list')
    .where('expires_at', 'is not', null)
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return { dials: Number(dials.numDeletedRows), listEntries: Number(entries.numDeletedRows) };
}
