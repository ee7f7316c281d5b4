import { type Kysely, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';

/** Locks per batch at most; a power of two. */
const BUCKETS = 1024;

/**
 * Holds each of an instance's `numbers` until the transaction ends, so that two engines never weigh one
 * number's recent dials at once: the second waits for the first to commit its dials, and the statements it
 * runs after the wait see them (READ COMMITTED takes a fresh snapshot per statement). Call it before reading
 * the numbers' history and record the dials in the same transaction.
 *
 * One statement per batch: transaction-scoped advisory locks, taken in key order so that two batches sharing
 * numbers cannot deadlock (PostgreSQL evaluates a volatile select list after the sort). A lock covers one of
 * BUCKETS buckets of an instance's numbers (by hash): each lock takes a slot of the server's shared lock table
 * until the commit (max_locks_per_transaction × max_connections, 6,400 by default, for all sessions), so a
 * batch takes at most BUCKETS of them; two batches whose numbers merely share a bucket wait for each other,
 * which costs time, never a wrong count. SQLite needs nothing: a claim transaction writes first, so it holds
 * the single write lock before it reads any history.
 */
export async function lockNumbers(
  db: Kysely<Db>,
  caps: StoreCaps,
  instanceId: string,
  numbers: readonly string[],
): Promise<void> {
  if (caps.dialect !== 'postgres' || numbers.length === 0) return;
  await sql`select pg_advisory_xact_lock(k) from (
      select distinct hashtextextended(${instanceId} || ' ' || (hashtextextended(n, 0) & ${BUCKETS - 1}), 0) as k
      from unnest(${[...new Set(numbers)]}::text[]) as n
    ) as keys order by k`.execute(db);
}
