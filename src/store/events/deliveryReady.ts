import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../schema.js';
import { PENDING } from './pending.js';

type D = ExpressionBuilder<Db & { d: Db['delivery'] }, 'd'>;

/**
 * No older delivery of the same job to the same subscription is still pending: per-job order holds
 * while one is retried, and a dead one no longer holds the rest back. Age is (occurred_at, id); delivery
 * ids sort in event order. Written as "d is the job's oldest pending delivery", a subquery both PostgreSQL
 * and SQLite run per row as one seek on delivery_pending_by_job (an anti-join was planned as a scan per row).
 */
export const isFirstPendingOfJob = (eb: D) =>
  eb(
    'd.id',
    '=',
    eb
      .selectFrom('delivery as o')
      .select('o.id')
      .whereRef('o.subscription_id', '=', 'd.subscription_id')
      .whereRef('o.job_id', '=', 'd.job_id')
      .where('o.status', '=', PENDING)
      .orderBy('o.occurred_at')
      .orderBy('o.id')
      .limit(1),
  );

/** A delivery (aliased `d`) may be sent now: pending, due, not leased to a live dispatcher, first of its job. */
export const deliveryReady = (now: number) => (eb: D) =>
  eb.and([
    eb('d.status', '=', PENDING),
    eb('d.next_attempt_at', '<=', now),
    eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<=', now)]),
    isFirstPendingOfJob(eb),
  ]);
