import { createClient } from 'redis';
import { z } from 'zod';
import { invalidField, OutdialError } from '../../core/errors.js';
import type { DeliveryOutcome, EventSink, OutgoingMessage } from '../sink.js';
import { errorText, urlHost } from './errorText.js';
import { parseSinkConfig } from './parseSinkConfig.js';
import { withTimeout } from './withTimeout.js';

export const RedisStreamsSinkConfigSchema = z
  .object({
    url: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
      .describe('Server URL with credentials and database, e.g. redis://127.0.0.1:6379'),
    stream: z.string().min(1).max(512).describe('Stream key the events are appended to'),
    maxLen: z
      .number()
      .int()
      .positive()
      .default(100_000)
      .describe('Keep about this many entries (XADD MAXLEN ~); older ones are trimmed'),
  })
  .strict();
export type RedisStreamsSinkConfig = z.output<typeof RedisStreamsSinkConfigSchema>;

export interface RedisStreamsSinkOptions {
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
}

type Client = ReturnType<typeof createClient>;

/**
 * Appends each message to a stream with XADD (fields id, type, jobGroupId, jobId for job events, contentType, body), trimming it to
 * about `maxLen` entries. Connects on first use and again on the next send after the connection was lost.
 */
export function createRedisStreamsSink(rawConfig: unknown, o: RedisStreamsSinkOptions = {}): EventSink {
  const config = parseSinkConfig(RedisStreamsSinkConfigSchema, rawConfig);
  const connectTimeoutMs = o.connectTimeoutMs ?? 5000;
  const commandTimeoutMs = o.commandTimeoutMs ?? 5000;
  let client: Promise<Client> | undefined;
  let closed = false;

  async function open(): Promise<Client> {
    const c = createClient({
      url: config.url,
      name: 'outdial',
      disableOfflineQueue: true,
      socket: { connectTimeout: connectTimeoutMs, reconnectStrategy: false },
    });
    // Failures surface through the commands; without a listener node-redis would crash the process.
    c.on('error', () => {});
    try {
      await withTimeout(c.connect(), connectTimeoutMs + 1000, 'connecting to Redis');
      return c;
    } catch (e) {
      discard(c);
      throw e;
    }
  }

  async function connected(): Promise<Client> {
    if (closed) throw new Error('sink is closed');
    if (client) {
      const c = await client.catch(() => undefined);
      if (c?.isReady) return c;
      if (c) discard(c);
    }
    const attempt = open();
    client = attempt;
    attempt.catch(() => {
      if (client === attempt) client = undefined;
    });
    return attempt;
  }

  return {
    async send(message: OutgoingMessage, signal?: AbortSignal): Promise<DeliveryOutcome> {
      if (signal?.aborted) return { ok: false, error: 'delivery aborted' };
      try {
        const c = await connected();
        const id = await withTimeout(
          c.xAdd(
            config.stream,
            '*',
            {
              id: message.eventId,
              type: message.eventType,
              jobGroupId: message.jobGroupId,
              ...(message.jobId !== null ? { jobId: message.jobId } : {}),
              contentType: message.contentType,
              body: message.body,
            },
            { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: config.maxLen } },
          ),
          commandTimeoutMs,
          'XADD',
        );
        return { ok: true, detail: `${config.stream} ${id}` };
      } catch (e) {
        return { ok: false, error: `Redis at ${urlHost(config.url)}: ${errorText(e)}` };
      }
    },

    async check(): Promise<void> {
      try {
        const c = await connected();
        await withTimeout(c.ping(), commandTimeoutMs, 'PING');
        const type = await withTimeout(c.type(config.stream), commandTimeoutMs, 'TYPE');
        if (type !== 'none' && type !== 'stream') {
          throw invalidField('stream', `key '${config.stream}' holds a ${type}, not a stream`);
        }
      } catch (e) {
        throw e instanceof OutdialError ? e : refusal(config, e);
      }
    },

    async close(): Promise<void> {
      closed = true;
      const c = await client?.catch(() => undefined);
      client = undefined;
      if (c?.isOpen) await c.close().catch(() => discard(c));
    },
  };
}

/** Drops a client whatever state it is in (destroying a closed one throws). */
function discard(c: Client): void {
  if (c.isOpen) c.destroy();
}

function refusal(config: RedisStreamsSinkConfig, e: unknown): OutdialError {
  const text = errorText(e);
  const host = urlHost(config.url);
  if (/WRONGPASS|NOAUTH|NOPERM|invalid password/i.test(text)) {
    return invalidField('url', `Redis at ${host} refused the credentials`);
  }
  return invalidField('url', `Redis is not reachable at ${host}: ${text}`);
}
