import { type Kysely, sql } from 'kysely';
import type { Db } from '../schema.js';

/**
 * When a pending delivery of an active subscription next becomes sendable by time alone, after `now`: its
 * next_attempt_at, or its lease's end when a dispatcher holds it. Null when none. A delivery waiting behind an
 * older one of its job may count too (a wake-up that finds nothing to send); one ready now does not, as the pass
 * that asks has just claimed what was ready.
 */
export async function nextDeliveryAt(db: Kysely<Db>, now: number): Promise<number | null> {
  const { rows } = await sql<{ at: number | string | null }>`select min(t.at) as at from (
      select case when d.lease_until is not null and d.lease_until > d.next_attempt_at
        then d.lease_until else d.next_attempt_at end as at
      from delivery as d join subscription as s on s.id = d.subscription_id
      where s.status = 'active' and d.status = 'pending') as t
    where t.at > ${now}`.execute(db);
  const at = rows[0]?.at;
  return at === null || at === undefined ? null : Number(at);
}
