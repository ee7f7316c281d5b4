import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../schema.js';

type D = ExpressionBuilder<Db & { d: Db['delivery'] }, 'd'>;

/**
 * No older delivery of the same job to the same subscription is still pending: per-job order holds
 * while one is retried, and a dead one no longer holds the rest back. Age is (occurred_at, id); delivery
 * ids sort in event order.
 */
export const isFirstPendingOfJob = (eb: D) =>
  eb.not(
    eb.exists(
      eb
        .selectFrom('delivery as o')
        .select('o.id')
        .whereRef('o.subscription_id', '=', 'd.subscription_id')
        .whereRef('o.job_id', '=', 'd.job_id')
        .where('o.status', '=', 'pending')
        .where((o) =>
          o.or([
            o('o.occurred_at', '<', o.ref('d.occurred_at')),
            o.and([o('o.occurred_at', '=', o.ref('d.occurred_at')), o('o.id', '<', o.ref('d.id'))]),
          ]),
        ),
    ),
  );

/** A delivery (aliased `d`) may be sent now: pending, due, not leased to a live dispatcher, first of its job. */
export const deliveryReady = (now: number) => (eb: D) =>
  eb.and([
    eb('d.status', '=', 'pending'),
    eb('d.next_attempt_at', '<=', now),
    eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<=', now)]),
    isFirstPendingOfJob(eb),
  ]);
