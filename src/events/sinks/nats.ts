import {
  connect,
  headers,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
  type NatsError,
} from 'nats';
import { z } from 'zod';
import { invalidField, OutdialError } from '../../core/errors.js';
import type { DeliveryOutcome, EventSink, OutgoingMessage } from '../sink.js';
import { errorText, urlHost } from './errorText.js';
import { parseSinkConfig } from './parseSinkConfig.js';
import { withTimeout } from './withTimeout.js';

const SUBJECT = /^[^\s.*>]+(\.[^\s.*>]+)*$/;
const STREAM_NAME = /^[^\s.*>/\\]+$/;

export const NatsSinkConfigSchema = z
  .object({
    servers: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .describe('Server URL or URLs, e.g. nats://127.0.0.1:4222'),
    subject: z
      .string()
      .regex(SUBJECT, 'must be dot-separated tokens without spaces or wildcards')
      .describe('Subject prefix: each event goes to <subject>.<event key>'),
    stream: z
      .string()
      .regex(STREAM_NAME, 'must be a JetStream stream name (no spaces, dots, wildcards or slashes)')
      .optional()
      .describe('JetStream stream that must capture <subject>.>'),
    declare: z.boolean().default(true).describe('Create `stream` over <subject>.> when it does not exist'),
    user: z.string().min(1).optional(),
    pass: z.string().optional(),
    token: z.string().min(1).optional(),
  })
  .strict();
export type NatsSinkConfig = z.output<typeof NatsSinkConfigSchema>;

export interface NatsSinkOptions {
  connectTimeoutMs?: number;
  ackTimeoutMs?: number;
}

interface Session {
  nc: NatsConnection;
  js: JetStreamClient;
}

/**
 * Publishes each message to JetStream with the event id as `Nats-Msg-Id`, so the stream drops a re-sent
 * event within its duplicate window; delivered means the stream acknowledged it.
 */
export function createNatsSink(rawConfig: unknown, o: NatsSinkOptions = {}): EventSink {
  const config = parseSinkConfig(NatsSinkConfigSchema, rawConfig);
  const connectTimeoutMs = o.connectTimeoutMs ?? 5000;
  const ackTimeoutMs = o.ackTimeoutMs ?? 5000;
  const servers = Array.isArray(config.servers) ? config.servers : [config.servers];
  let session: Promise<Session> | undefined;
  let closed = false;

  async function open(forget: () => void): Promise<Session> {
    const nc = await withTimeout(
      connect({
        servers,
        user: config.user,
        pass: config.pass,
        token: config.token,
        timeout: connectTimeoutMs,
        name: 'outdial',
      }),
      connectTimeoutMs + 1000,
      'connecting to NATS',
    );
    void nc.closed().then(forget);
    try {
      const jsm = await nc.jetstreamManager({ timeout: ackTimeoutMs });
      await ensureStream(jsm, config);
      return { nc, js: nc.jetstream({ timeout: ackTimeoutMs }) };
    } catch (e) {
      await nc.close().catch(() => {});
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
      try {
        const { js } = await connected();
        const h = headers();
        h.set('Content-Type', message.contentType);
        h.set('x-event-id', message.eventId);
        h.set('x-event-type', message.eventType);
        h.set('x-job-group-id', message.jobGroupId);
        if (message.jobId !== null) h.set('x-job-id', message.jobId);
        const ack = await js.publish(`${config.subject}.${message.key}`, new TextEncoder().encode(message.body), {
          msgID: message.eventId,
          timeout: ackTimeoutMs,
          headers: h,
        });
        return ack.duplicate
          ? { ok: true, detail: `duplicate of ${ack.stream} #${ack.seq}` }
          : { ok: true, detail: `${ack.stream} #${ack.seq}` };
      } catch (e) {
        const code = (e as Partial<NatsError>).code;
        if (code === '503')
          return { ok: false, error: `no JetStream stream captures ${config.subject}.${message.key}` };
        return { ok: false, error: `NATS: ${errorText(e)}` };
      }
    },

    async check(): Promise<void> {
      try {
        await connected();
      } catch (e) {
        throw e instanceof OutdialError ? e : refusal(config, e);
      }
    },

    async close(): Promise<void> {
      closed = true;
      const s = session;
      session = undefined;
      const open = await s?.catch(() => undefined);
      await open?.nc.close().catch(() => {});
    },
  };
}

/** Makes sure a stream captures `<subject>.>`: the named one (created when allowed) or any. */
async function ensureStream(jsm: JetStreamManager, config: NatsSinkConfig): Promise<void> {
  const wildcard = `${config.subject}.>`;
  if (config.stream) {
    const exists = await jsm.streams.info(config.stream).then(
      () => true,
      (e: NatsError) => {
        if (e.api_error?.code === 404) return false;
        throw e;
      },
    );
    if (!exists) {
      if (!config.declare) throw invalidField('stream', `JetStream stream '${config.stream}' does not exist`);
      await jsm.streams.add({ name: config.stream, subjects: [wildcard] });
      return;
    }
  }
  const owner = await jsm.streams.find(wildcard).catch(() => undefined);
  if (!owner) {
    throw config.stream
      ? invalidField('subject', `JetStream stream '${config.stream}' does not capture '${wildcard}'`)
      : invalidField('stream', `no JetStream stream captures '${wildcard}'; name one in stream to create it`);
  }
  if (config.stream && owner !== config.stream) {
    throw invalidField('subject', `'${wildcard}' is captured by stream '${owner}', not '${config.stream}'`);
  }
}

function refusal(config: NatsSinkConfig, e: unknown): OutdialError {
  const code = (e as Partial<NatsError>).code;
  const where = servers(config);
  if (code === 'AUTHORIZATION_VIOLATION' || code === 'BAD_AUTHENTICATION' || code === 'BAD_CREDS') {
    return invalidField(config.token ? 'token' : 'user', `NATS at ${where} refused the credentials`);
  }
  if (code === '503') return invalidField('servers', `NATS at ${where} does not have JetStream enabled`);
  return invalidField('servers', `NATS is not reachable at ${where}: ${errorText(e)}`);
}

const servers = (config: NatsSinkConfig): string =>
  (Array.isArray(config.servers) ? config.servers : [config.servers]).map(urlHost).join(', ');
