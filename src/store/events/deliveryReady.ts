import { type SqlBool, sql } from 'kysely';

/**
 * No older delivery of the same job to the same subscription is still pending: per-job order holds
 * while one is retried, and a dead one no longer holds the rest back. Age is (occurred_at, id); delivery
 * ids sort in event order. Written as "d is the job's oldest pending delivery", a subquery both PostgreSQL
 * and SQLite run per row as one seek on delivery_pending_by_job (an anti-join was planned as a scan per row).
 * `'pending'` is a literal, not a parameter: the delivery_pending indexes are partial on it. For a delivery
 * aliased `d`, as SQL: the claims run thousands of times a second and need no query builder to make it.
 */
export const isFirstPendingOfJob = sql<SqlBool>`d.id = (select o.id from delivery as o
  where o.subscription_id = d.subscription_id and o.job_id = d.job_id and o.status = 'pending'
  order by o.occurred_at, o.id limit 1)`;

/** A delivery (aliased `d`) may be sent now: pending, due, not leased to a live dispatcher, first of its job. */
export const deliveryReady = (now: number) =>
  sql<SqlBool>`d.status = 'pending' and d.next_attempt_at <= ${now}
    and (d.lease_until is null or d.lease_until <= ${now}) and ${isFirstPendingOfJob}`;
