import { OutdialError } from '../../core/errors.js';
import { listPage } from '../../service/catalog/listPage.js';
import type { Page } from '../../service/paging.js';
import { attemptsOf, type DeliveryAttemptRow, getDelivery, listDeliveryRows } from '../../store/events/deliveries.js';
import { getSubscription } from '../../store/events/subscriptions.js';
import type { DeliveryRow } from '../../store/schema.js';
import type { SubscriptionDeps } from './deps.js';
import { getSubscriptionRowOf } from './getSubscriptionOf.js';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryAttempt {
  attempt: number;
  at: number;
  ok: boolean;
  /** The receiver's HTTP status, when it answered. */
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** One event on its way to one subscription, with every attempt made (replays included). */
export interface Delivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  jobId: string;
  occurredAt: number;
  status: DeliveryStatus;
  /** When the next try is due (pending only). */
  nextAttemptAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
  attempts: DeliveryAttempt[];
}

const attemptView = (a: DeliveryAttemptRow): DeliveryAttempt => ({
  attempt: a.attempt,
  at: a.at,
  ok: a.ok === 1,
  status: a.status,
  error: a.error,
  durationMs: a.duration_ms,
});

async function withAttempts(deps: Pick<SubscriptionDeps, 'db'>, rows: DeliveryRow[]): Promise<Delivery[]> {
  const attempts = await attemptsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    subscriptionId: r.subscription_id,
    eventId: r.event_id,
    jobId: r.job_id,
    occurredAt: r.occurred_at,
    status: r.status as DeliveryStatus,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at,
    attempts: attempts.filter((a) => a.delivery_id === r.id).map(attemptView),
  }));
}

/** A subscription's deliveries, newest first, optionally of one status, with their attempts. */
export async function listDeliveries(
  deps: SubscriptionDeps,
  instanceId: string,
  subscriptionId: string,
  q: { status?: DeliveryStatus; limit: number; cursor?: string },
): Promise<Page<Delivery>> {
  await getSubscriptionRowOf(deps, instanceId, subscriptionId);
  const { status, ...page } = q;
  return listPage(
    { kind: 'cursor', ...page },
    {
      fetch: async (w) =>
        withAttempts(deps, await listDeliveryRows(deps.db, subscriptionId, { ...w, ...(status ? { status } : {}) })),
      count: async () => 0,
      keyOf: (d) => ({ createdAt: d.createdAt, id: d.id }),
    },
  );
}

/** One delivery of the caller's subscriptions, with its attempts. */
export async function getDeliveryOf(deps: SubscriptionDeps, instanceId: string, id: string): Promise<Delivery> {
  const row = await getDelivery(deps.db, id);
  const sub = row ? await getSubscription(deps.db, row.subscription_id) : undefined;
  if (!row || !sub || sub.instance_id !== instanceId) {
    throw new OutdialError('NOT_FOUND', `deliveryId: delivery ${id} does not exist`, { field: 'deliveryId' });
  }
  const [delivery] = await withAttempts(deps, [row]);
  return delivery as Delivery;
}
