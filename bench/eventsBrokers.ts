import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import amqp from 'amqplib';
import { connect, headers } from 'nats';
import type { OutgoingMessage } from '../src/events/sink.js';
import { pool } from './apiClient.js';

export type BrokerKind = 'rabbitmq' | 'nats';

const RABBITMQ_URL = process.env.BENCH_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const NATS_URL = process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222';
const CONNECT_TIMEOUT_MS = 3_000;

/** A place of its own on a broker for one bench, and a bare publisher onto it. */
export interface Broker {
  kind: BrokerKind;
  /** The subscription config that sends there. */
  config: Record<string, unknown>;
  /** Drops what earlier runs left there. */
  purge(): Promise<void>;
  /**
   * The baseline: the messages published with the sink's library and the same acknowledgement (publisher
   * confirm, JetStream ack), `concurrency` awaiting theirs at a time; the seconds it took.
   */
  publishAll(messages: OutgoingMessage[], concurrency: number): Promise<number>;
  /** Deletes the exchange and queue, or the stream. */
  close(): Promise<void>;
}

export function openBroker(kind: BrokerKind): Promise<Broker> {
  return kind === 'rabbitmq' ? openRabbitMq() : openNats();
}

async function timed(run: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await run();
  return (performance.now() - t0) / 1000;
}

/** A durable topic exchange with a durable queue bound to `#`, so persistent messages are written down. */
async function openRabbitMq(): Promise<Broker> {
  const name = `outdial.bench.${randomUUID().slice(0, 8)}`;
  const admin = await amqp.connect(RABBITMQ_URL, { timeout: CONNECT_TIMEOUT_MS });
  const channel = await admin.createChannel();
  await channel.assertExchange(name, 'topic', { durable: true });
  await channel.assertQueue(name, { durable: true });
  await channel.bindQueue(name, name, '#');
  return {
    kind: 'rabbitmq',
    config: { url: RABBITMQ_URL, exchange: name, exchangeType: 'topic', declare: true },
    async purge() {
      await channel.purgeQueue(name);
    },
    async publishAll(messages, concurrency) {
      const model = await amqp.connect(RABBITMQ_URL, { timeout: CONNECT_TIMEOUT_MS });
      try {
        const confirm = await model.createConfirmChannel();
        return await timed(() =>
          pool(messages.length, concurrency, (i) => {
            const m = messages[i] as OutgoingMessage;
            return new Promise<void>((resolve, reject) => {
              confirm.publish(
                name,
                m.key,
                Buffer.from(m.body),
                {
                  persistent: true,
                  messageId: m.eventId,
                  contentType: m.contentType,
                  type: m.eventType,
                  timestamp: Math.floor(m.occurredAt / 1000),
                  headers: {
                    'x-event-id': m.eventId,
                    'x-event-type': m.eventType,
                    'x-job-group-id': m.jobGroupId,
                    ...(m.jobId !== null ? { 'x-job-id': m.jobId } : {}),
                  },
                },
                (err) => (err ? reject(err) : resolve()),
              );
            });
          }),
        );
      } finally {
        await model.close();
      }
    },
    async close() {
      await channel.deleteQueue(name);
      await channel.deleteExchange(name);
      await admin.close();
    },
  };
}

/** A JetStream stream (file storage, the default) over `<subject>.>`. */
async function openNats(): Promise<Broker> {
  const tag = randomUUID().slice(0, 8);
  const stream = `OUTDIAL_BENCH_${tag}`;
  const subject = `outdial.bench.${tag}`;
  const nc = await connect({ servers: NATS_URL, timeout: CONNECT_TIMEOUT_MS, name: 'outdial-bench' });
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({ name: stream, subjects: [`${subject}.>`] });
  return {
    kind: 'nats',
    config: { servers: NATS_URL, subject, stream, declare: true },
    async purge() {
      await jsm.streams.purge(stream);
    },
    async publishAll(messages, concurrency) {
      const publisher = await connect({ servers: NATS_URL, timeout: CONNECT_TIMEOUT_MS, name: 'outdial-bench' });
      try {
        const js = publisher.jetstream({ timeout: 5_000 });
        const encoder = new TextEncoder();
        return await timed(() =>
          pool(messages.length, concurrency, async (i) => {
            const m = messages[i] as OutgoingMessage;
            const h = headers();
            h.set('Content-Type', m.contentType);
            h.set('x-event-id', m.eventId);
            h.set('x-event-type', m.eventType);
            h.set('x-job-group-id', m.jobGroupId);
            if (m.jobId !== null) h.set('x-job-id', m.jobId);
            await js.publish(`${subject}.${m.key}`, encoder.encode(m.body), {
              msgID: m.eventId,
              timeout: 5_000,
              headers: h,
            });
          }),
        );
      } finally {
        await publisher.close();
      }
    },
    async close() {
      await jsm.streams.delete(stream);
      await nc.close();
    },
  };
}
