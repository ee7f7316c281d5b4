import { type Kysely, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';

/**
 * Refreshes PostgreSQL's statistics of the lists after a bulk import, before autovacuum would. matchNumbers
 * does not depend on them (its lateral seeks are planned alike either way: 25 ms per 500 numbers against a
 * fresh 1,000,000-entry list); the list pages and counts are planned from them. SQLite has no use for it.
 */
export async function analyzeNumberList(db: Kysely<Db>, caps: StoreCaps): Promise<void> {
  if (caps.dialect === 'postgres') await sql`analyze number_list`.execute(db);
}
