import type { Clock } from '../core/clock.js';
import { OutdialError } from '../core/errors.js';
import type { SubscriptionRow } from '../store/schema.js';
import type { EventSink } from './sink.js';
import { BROKER_SINK_KINDS, type BrokerSinkKind, createBrokerSink } from './sinks/index.js';
import { type AckMode, createWebhookSink } from './sinks/webhook.js';

export const SINK_KINDS = ['webhook', ...BROKER_SINK_KINDS] as const;
export type SinkKind = (typeof SINK_KINDS)[number];

/** The sink a subscription sends through, from its opened config; throws OutdialError for a bad one. */
export function openSink(
  sub: Pick<SubscriptionRow, 'sink' | 'ack_mode' | 'timeout_ms'>,
  config: unknown,
  clock: Clock,
  o: { maxConnections?: number } = {},
): EventSink {
  if (sub.sink === 'webhook') {
    return createWebhookSink(config, {
      clock,
      timeoutMs: sub.timeout_ms,
      ackMode: sub.ack_mode as AckMode,
      ...(o.maxConnections !== undefined ? { maxConnections: o.maxConnections } : {}),
    });
  }
  if ((BROKER_SINK_KINDS as readonly string[]).includes(sub.sink)) {
    return createBrokerSink(sub.sink as BrokerSinkKind, config);
  }
  throw new OutdialError('VALIDATION_FAILED', `sink: unknown sink ${sub.sink}`, { field: 'sink' });
}
