import { invalidField, OutdialError } from '../../core/errors.js';
import { BROKER_SINK_KINDS, type BrokerSinkKind, createBrokerSink } from '../sinks/index.js';
import { parseWebhookConfig } from '../sinks/webhook.js';

/** An OutdialError about `field` of a config, renamed `config.<field>` as the request wrote it. */
function underConfig(e: unknown): unknown {
  if (!(e instanceof OutdialError) || typeof e.details.field !== 'string') return e;
  const field = e.details.field;
  const message = e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message;
  return field === 'config' || field.startsWith('config.')
    ? e
    : invalidField(field ? `config.${field}` : 'config', message, e.code);
}

/**
 * Checks a sink's config as a subscription is created: a webhook's URL and headers (and gives it a
 * secret), a broker's fields and that the broker takes the connection. Returns the config to seal.
 */
export async function acceptSinkConfig(sink: string, config: unknown): Promise<Record<string, unknown>> {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw invalidField('config', 'must be an object');
  }
  if (sink === 'webhook') {
    try {
      return parseWebhookConfig(config);
    } catch (e) {
      throw underConfig(e);
    }
  }
  if (!(BROKER_SINK_KINDS as readonly string[]).includes(sink)) {
    throw invalidField('sink', `must be one of webhook, ${BROKER_SINK_KINDS.join(', ')}`);
  }
  let broker: ReturnType<typeof createBrokerSink>;
  try {
    broker = createBrokerSink(sink as BrokerSinkKind, config);
  } catch (e) {
    throw underConfig(e);
  }
  try {
    await broker.check?.();
  } catch (e) {
    if (e instanceof OutdialError) throw underConfig(e);
    throw invalidField('config', e instanceof Error ? e.message : String(e));
  } finally {
    await broker.close().catch(() => undefined);
  }
  return config as Record<string, unknown>;
}
