import { type Kysely, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';

/**
 * Called first in one of the dispatcher's own transactions (fan-out, claim, recording): on PostgreSQL its commit
 * then returns without waiting for the WAL to reach the disk (`synchronous_commit = off` for this transaction
 * only), which a busy dispatcher otherwise waits for a few hundred times a second. A crash of the server may lose
 * the last such commits, and that is safe: each transaction is atomic, so it is lost whole, and losing one only
 * makes a delivery go out again with the same event id (delivery is at least once). The events themselves are
 * written by the engine's own transactions, which keep waiting for the flush. SQLite has nothing of the kind.
 */
export async function commitWithoutFlushWait(trx: Kysely<Db>, caps: StoreCaps): Promise<void> {
  if (caps.dialect === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
}
