import { OutdialError } from '../../core/errors.js';
import { getSubscription } from '../../store/events/subscriptions.js';
import type { SubscriptionRow } from '../../store/schema.js';
import type { SubscriptionDeps } from './deps.js';
import { type Subscription, subscriptionView } from './subscriptionView.js';

/** The caller's subscription row; another instance's is reported exactly as a missing one. */
export async function getSubscriptionRowOf(
  deps: Pick<SubscriptionDeps, 'db'>,
  instanceId: string,
  id: string,
): Promise<SubscriptionRow> {
  const row = await getSubscription(deps.db, id);
  if (!row || row.instance_id !== instanceId) {
    throw new OutdialError('NOT_FOUND', `subscriptionId: subscription ${id} does not exist`, {
      field: 'subscriptionId',
    });
  }
  return row;
}

export async function getSubscriptionOf(deps: SubscriptionDeps, instanceId: string, id: string): Promise<Subscription> {
  const row = await getSubscriptionRowOf(deps, instanceId, id);
  return subscriptionView(row, JSON.parse(deps.box.open(row.config_sealed)));
}
