import type { Updateable } from 'kysely';
import { invalidField } from '../../core/errors.js';
import type { EventType } from '../../core/events.js';
import { updateSubscriptionRow } from '../../store/events/subscriptions.js';
import type { SubscriptionTable } from '../../store/schema.js';
import { FORMAT_NAMES, type FormatName } from '../format.js';
import type { AckMode } from '../sinks/webhook.js';
import type { SubscriptionDeps } from './deps.js';
import { checkAckMode, checkTimeout, eventTypesColumn, jobGroupIdsColumn } from './filters.js';
import { getSubscriptionRowOf } from './getSubscriptionOf.js';
import { type RetryInput, retrySchedule } from './retrySchedule.js';
import { acceptSinkConfig } from './sinkConfig.js';
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
  format?: FormatName;
  /** The sink's settings, replaced whole (the sink kind stays); a webhook without `secret` keeps its secret. */
  config?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Pauses or resumes a subscription, or changes its filters, format, sink settings, retry schedule, acknowledgement
 * or timeout. New settings are checked as at creation before anything is written; the dispatcher reopens the sink.
 */
export async function updateSubscription(
  deps: SubscriptionDeps,
  instanceId: string,
  id: string,
  change: SubscriptionChange,
): Promise<Subscription> {
  const current = await getSubscriptionRowOf(deps, instanceId, id);
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
  if (change.jobGroupIds !== undefined) {
    set.job_group_ids = await jobGroupIdsColumn(deps.db, instanceId, change.jobGroupIds);
  }
  if (change.format !== undefined) {
    if (!(FORMAT_NAMES as readonly string[]).includes(change.format)) {
      throw invalidField('format', `must be one of ${FORMAT_NAMES.join(', ')}`);
    }
    set.format = change.format;
  }
  if (change.config !== undefined) {
    const old = JSON.parse(deps.box.open(current.config_sealed)) as Record<string, unknown>;
    // A webhook keeps its signing secret unless a new one is given: receivers need not change theirs.
    const given = current.sink === 'webhook' && isObject(change.config) && change.config.secret === undefined;
    const config = await acceptSinkConfig(
      current.sink,
      given ? { ...change.config, secret: old.secret } : change.config,
    );
    set.config_sealed = deps.box.seal(JSON.stringify(config));
  }
  if (change.retry !== undefined) set.retry_schedule = JSON.stringify(retrySchedule(change.retry));
  if (change.ackMode !== undefined) set.ack_mode = checkAckMode(change.ackMode);
  if (change.timeoutMs !== undefined) set.timeout_ms = checkTimeout(change.timeoutMs);
  // Deleted meanwhile: reported as missing.
  const row = (await updateSubscriptionRow(deps.db, id, set)) ?? (await getSubscriptionRowOf(deps, instanceId, id));
  if (set.status === 'active') deps.wakeDispatcher?.();
  return subscriptionView(row, JSON.parse(deps.box.open(row.config_sealed)));
}
