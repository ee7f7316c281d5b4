import { invalidField } from '../../core/errors.js';
import type { EventType } from '../../core/events.js';
import { insertSubscription } from '../../store/events/subscriptions.js';
import { FORMAT_NAMES, type FormatName } from '../format.js';
import { SINK_KINDS, type SinkKind } from '../openSink.js';
import { type AckMode, DEFAULT_WEBHOOK_TIMEOUT_MS } from '../sinks/webhook.js';
import type { SubscriptionDeps } from './deps.js';
import { checkAckMode, checkTimeout, eventTypesColumn, jobGroupIdsColumn } from './filters.js';
import { type RetryInput, retrySchedule } from './retrySchedule.js';
import { acceptSinkConfig } from './sinkConfig.js';
import { type Subscription, subscriptionView } from './subscriptionView.js';

export interface SubscriptionInput {
  instanceId: string;
  name: string;
  sink: SinkKind;
  format: FormatName;
  config: unknown;
  eventTypes?: EventType[] | null;
  jobGroupIds?: string[] | null;
  retry?: RetryInput;
  ackMode?: AckMode;
  timeoutMs?: number;
}

/** A new subscription; for a webhook, `secret` is its signing secret, shown this once. */
export type CreatedSubscription = Subscription & { secret?: string };

/**
 * Subscribes an instance to its events. The config is checked before anything is stored (a webhook's
 * URL; a broker's fields and reachability) and stored sealed. A webhook without a secret gets one.
 */
export async function createSubscription(
  deps: SubscriptionDeps,
  input: SubscriptionInput,
): Promise<CreatedSubscription> {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name || name.length > 200) throw invalidField('name', 'must be 1 to 200 characters');
  if (!(SINK_KINDS as readonly string[]).includes(input.sink)) {
    throw invalidField('sink', `must be one of ${SINK_KINDS.join(', ')}`);
  }
  if (!(FORMAT_NAMES as readonly string[]).includes(input.format)) {
    throw invalidField('format', `must be one of ${FORMAT_NAMES.join(', ')}`);
  }
  const eventTypes = eventTypesColumn(input.eventTypes);
  const jobGroupIds = await jobGroupIdsColumn(deps.db, input.instanceId, input.jobGroupIds);
  const schedule = retrySchedule(input.retry);
  const ackMode = checkAckMode(input.ackMode ?? 'status');
  const timeoutMs = checkTimeout(input.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS);
  const config = await acceptSinkConfig(input.sink, input.config);
  const now = deps.clock.now();
  const row = {
    id: deps.newId(),
    instance_id: input.instanceId,
    name,
    sink: input.sink,
    format: input.format,
    config_sealed: deps.box.seal(JSON.stringify(config)),
    event_types: eventTypes,
    job_group_ids: jobGroupIds,
    retry_schedule: JSON.stringify(schedule),
    ack_mode: ackMode,
    timeout_ms: timeoutMs,
    status: 'active',
    created_at: now,
    modified_at: now,
  };
  await insertSubscription(deps.db, row);
  const view = subscriptionView(row, config);
  return input.sink === 'webhook' ? { ...view, secret: config.secret as string } : view;
}
