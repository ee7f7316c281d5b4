import type { Kysely } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db, FanOutQueueRow } from '../schema.js';

/**
 * The oldest events not yet fanned out, locked for this transaction; events of one instant in the order
 * they were queued (the by-age index keeps them so). On PostgreSQL `SKIP LOCKED` lets
 * several processes fan out side by side, each taking other events; SQLite has a single writer.
 */
export async function claimEventsToFanOut(db: Kysely<Db>, caps: StoreCaps, limit: number): Promise<FanOutQueueRow[]> {
  let q = db.selectFrom('fan_out_queue').selectAll().orderBy('occurred_at').limit(limit);
  if (caps.skipLocked) q = q.forUpdate().skipLocked();
  return q.execute();
}
