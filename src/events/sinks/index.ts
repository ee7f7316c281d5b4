import type { z } from 'zod';
import type { EventSink } from '../sink.js';
import { createNatsSink, NatsSinkConfigSchema } from './nats.js';
import { createRabbitMqSink, RabbitMqSinkConfigSchema } from './rabbitmq.js';
import { createRedisStreamsSink, RedisStreamsSinkConfigSchema } from './redisStreams.js';

export { type NatsSinkConfig, NatsSinkConfigSchema } from './nats.js';
export { type RabbitMqSinkConfig, RabbitMqSinkConfigSchema } from './rabbitmq.js';
export { type RedisStreamsSinkConfig, RedisStreamsSinkConfigSchema } from './redisStreams.js';

export const BROKER_SINK_KINDS = ['rabbitmq', 'nats', 'redis'] as const;
export type BrokerSinkKind = (typeof BROKER_SINK_KINDS)[number];

/** Each broker kind's config schema, for validating and documenting subscriptions. */
export const BROKER_SINK_CONFIG_SCHEMAS = {
  rabbitmq: RabbitMqSinkConfigSchema,
  nats: NatsSinkConfigSchema,
  redis: RedisStreamsSinkConfigSchema,
} as const satisfies Record<BrokerSinkKind, z.ZodType>;

/** A sink for one subscription; throws OutdialError (VALIDATION_FAILED, details.field) for a bad config. */
export function createBrokerSink(kind: BrokerSinkKind, config: unknown): EventSink {
  switch (kind) {
    case 'rabbitmq':
      return createRabbitMqSink(config);
    case 'nats':
      return createNatsSink(config);
    case 'redis':
      return createRedisStreamsSink(config);
  }
}
