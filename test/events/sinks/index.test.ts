import { describe, expect, it } from 'vitest';
import { BROKER_SINK_CONFIG_SCHEMAS, createBrokerSink } from '../../../src/events/sinks/index.js';

describe('createBrokerSink', () => {
  it('creates a sink of each kind from its config without connecting', async () => {
    const sinks = [
      createBrokerSink('rabbitmq', { url: 'amqp://guest:guest@127.0.0.1:5672', exchange: 'outdial' }),
      createBrokerSink('nats', { servers: 'nats://127.0.0.1:4222', subject: 'outdial' }),
      createBrokerSink('redis', { url: 'redis://127.0.0.1:6379', stream: 'outdial' }),
    ];
    for (const sink of sinks) {
      expect(typeof sink.send).toBe('function');
      await sink.close();
    }
  });

  it("refuses another kind's config, naming the first wrong field", () => {
    expect(() => createBrokerSink('nats', { url: 'redis://127.0.0.1:6379', stream: 'outdial' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'servers' } }),
    );
    expect(() => createBrokerSink('redis', { url: 'redis://127.0.0.1', stream: 's', extra: 1 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('fills the documented defaults', () => {
    expect(BROKER_SINK_CONFIG_SCHEMAS.rabbitmq.parse({ url: 'amqp://h', exchange: 'e' })).toEqual({
      url: 'amqp://h',
      exchange: 'e',
      exchangeType: 'topic',
      routingKeyPrefix: '',
      declare: true,
    });
    expect(BROKER_SINK_CONFIG_SCHEMAS.redis.parse({ url: 'redis://h', stream: 's' }).maxLen).toBe(100_000);
  });
});
