import amqp from 'amqplib';
import { z } from 'zod';
import { invalidField, type OutdialError } from '../../core/errors.js';
import type { DeliveryOutcome, EventSink, OutgoingMessage } from '../sink.js';
import { errorText, urlHost } from './errorText.js';
import { parseSinkConfig } from './parseSinkConfig.js';
import { withTimeout } from './withTimeout.js';

export const RabbitMqSinkConfigSchema = z
  .object({
    url: z
      .string()
      .regex(/^amqps?:\/\/\S+$/, 'must be an amqp:// or amqps:// URL')
      .describe('Broker URL with credentials and vhost, e.g. amqp://guest:guest@127.0.0.1:5672'),
    exchange: z.string().min(1).max(255).describe('Exchange the events are published to'),
    exchangeType: z.enum(['topic', 'direct', 'fanout']).default('topic'),
    routingKeyPrefix: z.string().max(200).default('').describe('Put before the event key to form the routing key'),
    declare: z.boolean().default(true).describe('Declare the exchange (durable) instead of requiring it to exist'),
  })
  .strict();
export type RabbitMqSinkConfig = z.output<typeof RabbitMqSinkConfigSchema>;

export interface RabbitMqSinkOptions {
  connectTimeoutMs?: number;
  confirmTimeoutMs?: number;
}

interface Session {
  model: amqp.ChannelModel;
  channel: amqp.ConfirmChannel;
}

/**
 * Publishes each message persistently on a confirm channel; delivered means the broker confirmed it.
 * Connects on first use and again on the next send after the connection or channel was lost.
 */
export function createRabbitMqSink(rawConfig: unknown, o: RabbitMqSinkOptions = {}): EventSink {
  const config = parseSinkConfig(RabbitMqSinkConfigSchema, rawConfig);
  const connectTimeoutMs = o.connectTimeoutMs ?? 5000;
  const confirmTimeoutMs = o.confirmTimeoutMs ?? 10_000;
  let session: Promise<Session> | undefined;
  let closed = false;

  /** `forget` drops this session once its connection or channel is gone, so the next send reconnects. */
  async function open(forget: () => void): Promise<Session> {
    const model = await withTimeout(
      amqp.connect(config.url, { timeout: connectTimeoutMs }),
      connectTimeoutMs,
      'connecting to RabbitMQ',
    );
    model.on('error', forget);
    model.on('close', forget);
    try {
      const channel = await model.createConfirmChannel();
      channel.on('error', forget);
      // A channel the broker closed (e.g. its exchange was deleted) takes its connection along.
      channel.on('close', () => {
        forget();
        model.close().catch(() => {});
      });
      if (config.declare) await channel.assertExchange(config.exchange, config.exchangeType, { durable: true });
      else await channel.checkExchange(config.exchange);
      return { model, channel };
    } catch (e) {
      await model.close().catch(() => {});
      throw e;
    }
  }

  function connected(): Promise<Session> {
    if (closed) return Promise.reject(new Error('sink is closed'));
    if (!session) {
      const forget = () => {
        if (session === attempt) session = undefined;
      };
      const attempt = open(forget);
      session = attempt;
      attempt.catch(forget);
    }
    return session;
  }

  return {
    async send(message: OutgoingMessage, signal?: AbortSignal): Promise<DeliveryOutcome> {
      if (signal?.aborted) return { ok: false, error: 'delivery aborted' };
      let channel: amqp.ConfirmChannel;
      try {
        channel = (await connected()).channel;
      } catch (e) {
        return { ok: false, error: `RabbitMQ at ${urlHost(config.url)}: ${errorText(e)}` };
      }
      return new Promise<DeliveryOutcome>((resolve) => {
        let settled = false;
        const settle = (outcome: DeliveryOutcome) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve(outcome);
        };
        const onAbort = () => settle({ ok: false, error: 'delivery aborted before the broker confirmed' });
        const timer = setTimeout(
          () => settle({ ok: false, error: `no publisher confirm within ${confirmTimeoutMs} ms` }),
          confirmTimeoutMs,
        );
        timer.unref();
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          channel.publish(
            config.exchange,
            config.routingKeyPrefix + message.key,
            Buffer.from(message.body),
            {
              persistent: true,
              messageId: message.eventId,
              contentType: message.contentType,
              type: message.eventType,
              timestamp: Math.floor(message.occurredAt / 1000),
              headers: {
                'x-event-id': message.eventId,
                'x-event-type': message.eventType,
                'x-job-group-id': message.jobGroupId,
                ...(message.jobId !== null ? { 'x-job-id': message.jobId } : {}),
              },
            },
            (err) => settle(err ? { ok: false, error: `RabbitMQ did not confirm: ${errorText(err)}` } : { ok: true }),
          );
        } catch (e) {
          settle({ ok: false, error: `RabbitMQ publish failed: ${errorText(e)}` });
        }
      });
    },

    async check(): Promise<void> {
      try {
        await connected();
      } catch (e) {
        throw refusal(config, e);
      }
    },

    async close(): Promise<void> {
      closed = true;
      const s = session;
      session = undefined;
      if (!s) return;
      const open = await s.catch(() => undefined);
      await open?.model.close().catch(() => {});
    },
  };
}

/** Names the field a connection or declaration failure points at, in words a user acts on. */
function refusal(config: RabbitMqSinkConfig, e: unknown): OutdialError {
  const text = errorText(e);
  const host = urlHost(config.url);
  const code = replyCode(e, text);
  if (code === 403 || /ACCESS.REFUSED/.test(text)) {
    return invalidField('url', `RabbitMQ at ${host} refused the credentials`);
  }
  if (code === 530 || /NOT.ALLOWED/.test(text))
    return invalidField('url', `RabbitMQ at ${host} refused the vhost: ${text}`);
  if (code === 404 || /NOT.FOUND/.test(text)) {
    return invalidField('exchange', `exchange '${config.exchange}' does not exist on RabbitMQ at ${host}`);
  }
  if (code === 406 || /PRECONDITION.FAILED/.test(text)) {
    return invalidField(
      'exchangeType',
      `exchange '${config.exchange}' exists with other settings than a durable ${config.exchangeType} exchange`,
    );
  }
  return invalidField('url', `RabbitMQ is not reachable at ${host}: ${text}`);
}

/**
 * The AMQP reply code of a server's refusal: amqplib puts it in `code` ("Channel closed by server: 404 (NOT-FOUND)");
 * a socket error's `code` is a string (ECONNREFUSED) and its text may hold any digits (a port), so no code.
 */
function replyCode(e: unknown, text: string): number | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'number') return code;
  const m = /closed by server: (\d{3})/.exec(text);
  return m ? Number(m[1]) : null;
}
