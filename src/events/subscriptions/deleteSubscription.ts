import { deleteSubscriptionRow } from '../../store/events/subscriptions.js';
import type { SubscriptionDeps } from './deps.js';
import { getSubscriptionRowOf } from './getSubscriptionOf.js';

/** Deletes a subscription with its deliveries (pending ones are never sent). */
export async function deleteSubscription(deps: SubscriptionDeps, instanceId: string, id: string): Promise<void> {
  await getSubscriptionRowOf(deps, instanceId, id);
  await deleteSubscriptionRow(deps.db, id);
}
