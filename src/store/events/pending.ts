import { sql } from 'kysely';

/**
 * `'pending'` as a literal in the SQL text, not a parameter: the delivery_pending indexes are partial
 * (`where status = 'pending'`), and a planner can use a partial index only when it sees the value.
 */
export const PENDING = sql.lit('pending');
