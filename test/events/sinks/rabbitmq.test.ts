import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutdialError } from '../../../src/core/errors.js';
import { createRabbitMqSink } from '../../../src/events/sinks/rabbitmq.js';
import { CLOSED_PORT, ensureBroker } from './brokers.js';
import { testMessages, uniqueName } from './messages.js';

const URL = 'amqp://guest:guest@127.0.0.1:5672';

describe('RabbitMQ sink', () => {
  let admin: amqp.ChannelModel;
  let channel: amqp.Channel;
  const exchanges: string[] = [];

  beforeAll(async () => {
    await ensureBroker('RabbitMQ');
    admin = await amqp.connect(URL);
    channel = await admin.createChannel();
  });
  afterAll(async () => {
    for (const e of exchanges) await channel.deleteExchange(e);
    await admin.close();
  });

  /** A fresh exchange name with an exclusive queue bound to `pattern` on it, once the sink declared it. */
  async function boundQueue(exchange: string, pattern: string): Promise<string> {
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, exchange, pattern);
    return queue;
  }

  async function drain(queue: string, n: number): Promise<amqp.GetMessage[]> {
    const got: amqp.GetMessage[] = [];
    for (let tries = 0; got.length < n && tries < 50; tries++) {
      const m = await channel.get(queue, { noAck: true });
      if (m) got.push(m);
      else await new Promise((r) => setTimeout(r, 20));
    }
    return got;
  }

  it('publishes persistent, confirmed messages a bound queue receives in order with their ids', async () => {
    const exchange = uniqueName('outdial_test');
    exchanges.push(exchange);
    const sink = createRabbitMqSink({ url: URL, exchange, routingKeyPrefix: 'outdial.' });
    await sink.check!();
    const queue = await boundQueue(exchange, 'outdial.job.*');
    const messages = testMessages(5);

    for (const m of messages) expect(await sink.send(m)).toEqual({ ok: true });
    const got = await drain(queue, 5);
    await sink.close();

    expect(got.map((m) => m.content.toString())).toEqual(messages.map((m) => m.body));
    expect(got[0]!.fields.routingKey).toBe('outdial.job.complete');
    expect(got.map((m) => m.properties.messageId)).toEqual(messages.map((m) => m.eventId));
    expect(got[0]!.properties).toMatchObject({ contentType: 'application/json', deliveryMode: 2 });
    expect(got[0]!.properties.headers).toMatchObject({
      'x-event-id': messages[0]!.eventId,
      'x-event-type': 'job.complete',
      'x-job-id': 'job-1',
    });
  });

  it('reconnects on the next send after the connection was closed by the broker', async () => {
    const exchange = uniqueName('outdial_test');
    exchanges.push(exchange);
    const sink = createRabbitMqSink({ url: URL, exchange, exchangeType: 'fanout' });
    const [first, second] = testMessages(2);
    expect(await sink.send(first!)).toEqual({ ok: true });
    const queue = await boundQueue(exchange, '');

    // Deleting the exchange under the sink makes the broker close its channel on the next publish.
    await channel.deleteExchange(exchange);
    const lost = await sink.send(second!);
    expect(lost.ok).toBe(false);
    await channel.assertExchange(exchange, 'fanout', { durable: true });
    await channel.bindQueue(queue, exchange, '');

    expect(await sink.send(second!)).toEqual({ ok: true });
    expect((await drain(queue, 1)).map((m) => m.content.toString())).toEqual([second!.body]);
    await sink.close();
  });

  it('check() refuses an exchange that does not exist when it may not declare it, naming the field', async () => {
    const sink = createRabbitMqSink({ url: URL, exchange: uniqueName('missing'), declare: false });
    const err = await sink.check!().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutdialError);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'exchange' } });
    expect((err as Error).message).toMatch(/does not exist/);
    await sink.close();
  });

  it('check() refuses bad credentials and says so', async () => {
    const sink = createRabbitMqSink({ url: 'amqp://guest:wrong@127.0.0.1:5672', exchange: 'x' });
    const err = await sink.check!().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'url' } });
    expect((err as Error).message).toMatch(/refused the credentials/);
    expect((err as Error).message).not.toContain('wrong');
    await sink.close();
  });

  it('check() refuses an unreachable broker quickly, and send() reports it without throwing', async () => {
    const sink = createRabbitMqSink({ url: `amqp://guest:guest@127.0.0.1:${CLOSED_PORT}`, exchange: 'x' });
    const started = Date.now();
    const err = await sink.check!().catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err).toMatchObject({ details: { field: 'url' } });
    expect((err as Error).message).toMatch(/not reachable/);
    const outcome = await sink.send(testMessages(1)[0]!);
    expect(outcome).toMatchObject({ ok: false, error: expect.stringContaining('ECONNREFUSED') });
    await sink.close();
  });

  it('refuses a bad config at creation, naming the field', () => {
    expect(() => createRabbitMqSink({ url: URL, exchange: 'x', exchangeType: 'headers' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'exchangeType' } }),
    );
    expect(() => createRabbitMqSink({ url: 'http://x', exchange: 'x' })).toThrow(
      expect.objectContaining({ details: { field: 'url' } }),
    );
    expect(() => createRabbitMqSink({ url: URL })).toThrow(expect.objectContaining({ details: { field: 'exchange' } }));
  });
});
