import type { Kysely } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db, EventRow } from '../schema.js';

/**
 * The oldest events not yet fanned out, locked for this transaction. On PostgreSQL `SKIP LOCKED` lets
 * several processes fan out side by side, each taking other events; SQLite has a single writer.
 */
export async function claimEventsToFanOut(db: Kysely<Db>, caps: StoreCaps, limit: number): Promise<EventRow[]> {
  let q = db.selectFrom('event').selectAll().where('fanned_out', '=', 0).orderBy('occurred_at').limit(limit);
  if (caps.skipLocked) q = q.forUpdate().skipLocked();
  return q.execute();
}
