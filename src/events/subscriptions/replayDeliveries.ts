import { invalidField } from '../../core/errors.js';
import { requeueDeliveries } from '../../store/events/requeueDeliveries.js';
import type { SubscriptionDeps } from './deps.js';
import { getSubscriptionRowOf } from './getSubscriptionOf.js';

export interface ReplayRequest {
  /** These deliveries (dead or delivered). */
  deliveryIds?: string[];
  /** Every delivery of the subscription in this status. */
  status?: 'dead';
  /** Every dead and delivered delivery of the subscription still stored. */
  all?: boolean;
}

/**
 * Sends deliveries again from now, with the retry schedule started afresh; earlier attempts stay in
 * their history. Pending ones are already on their way and are left alone. Returns how many were re-queued.
 */
export async function replayDeliveries(
  deps: SubscriptionDeps,
  instanceId: string,
  subscriptionId: string,
  r: ReplayRequest,
): Promise<{ requeued: number }> {
  await getSubscriptionRowOf(deps, instanceId, subscriptionId);
  const chosen = [r.deliveryIds !== undefined, r.status !== undefined, r.all === true].filter(Boolean).length;
  if (chosen !== 1) throw invalidField('deliveryIds', 'give exactly one of deliveryIds, status or all: true');
  if (r.status !== undefined && r.status !== 'dead') throw invalidField('status', 'must be dead');
  const requeued = await requeueDeliveries(deps.db, {
    subscriptionId,
    now: deps.clock.now(),
    ...(r.deliveryIds ? { deliveryIds: r.deliveryIds } : {}),
    ...(r.status ? { status: r.status } : {}),
  });
  if (requeued > 0) deps.wakeDispatcher?.();
  return { requeued };
}
