import type { Updateable } from 'kysely';
import { invalidField } from '../../core/errors.js';
import type { EventType } from '../../core/events.js';
import { updateSubscriptionRow } from '../../store/events/subscriptions.js';
import type { SubscriptionTable } from '../../store/schema.js';
import type { AckMode } from '../sinks/webhook.js';
import type { SubscriptionDeps } from './deps.js';
import { checkAckMode, checkTimeout, eventTypesColumn, jobGroupIdsColumn } from './filters.js';
import { getSubscriptionRowOf } from './getSubscriptionOf.js';
import { type RetryInput, retrySchedule } from './retrySchedule.js';
import { type Subscription, subscriptionView } from './subscriptionView.js';

export interface SubscriptionChange {
  name?: string;
  /** paused: no new deliveries are made and none are sent; resuming sends the backlog. */
  status?: 'active' | 'paused';
  /** null: all. */
  eventTypes?: EventType[] | null;
  jobGroupIds?: string[] | null;
  retry?: RetryInput;
  ackMode?: AckMode;
  timeoutMs?: number;
}

/** Pauses or resumes a subscription, or changes its filters, retry schedule, acknowledgement or timeout. */
export async function updateSubscription(
  deps: SubscriptionDeps,
  instanceId: string,
  id: string,
  change: SubscriptionChange,
): Promise<Subscription> {
  await getSubscriptionRowOf(deps, instanceId, id);
  const set: Updateable<SubscriptionTable> = { modified_at: deps.clock.now() };
  if (change.name !== undefined) {
    const name = change.name.trim();
    if (!name || name.length > 200) throw invalidField('name', 'must be 1 to 200 characters');
    set.name = name;
  }
  if (change.status !== undefined) {
    if (change.status !== 'active' && change.status !== 'paused')
      throw invalidField('status', 'must be active or paused');
    set.status = change.status;
  }
  if (change.eventTypes !== undefined) set.event_types = eventTypesColumn(change.eventTypes);
  if (change.jobGroupIds !== undefined) set.job_group_ids = jobGroupIdsColumn(change.jobGroupIds);
  if (change.retry !== undefined) set.retry_schedule = JSON.stringify(retrySchedule(change.retry));
  if (change.ackMode !== undefined) set.ack_mode = checkAckMode(change.ackMode);
  if (change.timeoutMs !== undefined) set.timeout_ms = checkTimeout(change.timeoutMs);
  // Deleted meanwhile: reported as missing.
  const row = (await updateSubscriptionRow(deps.db, id, set)) ?? (await getSubscriptionRowOf(deps, instanceId, id));
  if (set.status === 'active') deps.wakeDispatcher?.();
  return subscriptionView(row, JSON.parse(deps.box.open(row.config_sealed)));
}
