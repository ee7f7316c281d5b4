import { listPage } from '../../service/catalog/listPage.js';
import type { Page } from '../../service/paging.js';
import { listSubscriptionRows } from '../../store/events/subscriptions.js';
import type { SubscriptionDeps } from './deps.js';
import { type Subscription, subscriptionView } from './subscriptionView.js';

/** The caller's subscriptions, newest first, by cursor. */
export async function listSubscriptions(
  deps: SubscriptionDeps,
  instanceId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<Subscription>> {
  return listPage(
    { kind: 'cursor', ...page },
    {
      fetch: async (w) =>
        (await listSubscriptionRows(deps.db, instanceId, w)).map((r) =>
          subscriptionView(r, JSON.parse(deps.box.open(r.config_sealed))),
        ),
      count: async () => 0,
      keyOf: (s) => ({ createdAt: s.createdAt, id: s.id }),
    },
  );
}
