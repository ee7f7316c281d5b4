import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { DeliveryOutcome, EventSink, OutgoingMessage } from '../sink.js';
import { errorText } from './errorText.js';
import { abortReason, httpTarget, startPost } from './httpPost.js';
import { parseSinkConfig } from './parseSinkConfig.js';

export const ACK_MODES = ['status', 'success-body'] as const;
export type AckMode = (typeof ACK_MODES)[number];

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 5_000;

const RESERVED_HEADERS = ['content-type', 'x-outdial-event-id', 'x-outdial-event-type', 'x-outdial-timestamp'];

export const WebhookSinkConfigSchema = z
  .object({
    url: z
      .string()
      .refine((s) => URL.canParse(s), 'must be an absolute http or https URL')
      .refine((s) => !URL.canParse(s) || ['http:', 'https:'].includes(new URL(s).protocol), 'must use http or https'),
    secret: z.string().min(16).max(256).optional().describe('HMAC key of x-outdial-signature; generated when absent'),
    headers: z
      .record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'is not a header name'), z.string().max(4096))
      .refine(
        (h) =>
          !Object.keys(h).some(
            (k) => RESERVED_HEADERS.includes(k.toLowerCase()) || k.toLowerCase() === 'x-outdial-signature',
          ),
        'must not set content-type or x-outdial-* headers',
      )
      .optional(),
  })
  .strict();
export type WebhookSinkConfig = z.infer<typeof WebhookSinkConfigSchema>;

/** A config as stored: the secret is always there (made at create when none was given). */
export type StoredWebhookConfig = WebhookSinkConfig & { secret: string };

/** Validates a webhook config (OutdialError naming the field) and gives it a secret when it has none. */
export function parseWebhookConfig(config: unknown): StoredWebhookConfig {
  const c = parseSinkConfig(WebhookSinkConfigSchema, config);
  return { ...c, secret: c.secret ?? randomBytes(24).toString('base64url') };
}

/**
 * The signature a receiver checks. Every POST carries
 *   x-outdial-timestamp: <unix seconds when it was sent>
 *   x-outdial-signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>
 * To verify, recompute the HMAC over the timestamp header, a dot and the raw body bytes exactly as
 * received, with the subscription's secret, and compare in constant time; refuse a timestamp far from
 * your own clock (e.g. more than 5 minutes) to stop replays. Deliveries are at least once: dedupe by
 * x-outdial-event-id.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface WebhookSinkOptions {
  /** Stamps x-outdial-timestamp and times the request out. */
  clock: Clock;
  timeoutMs?: number;
  /** `status`: any 2xx acknowledges; `success-body`: 2xx and the trimmed body `success` (BaiYing). */
  ackMode?: AckMode;
  /** Connections kept open to the receiver: the most requests it gets at once. */
  maxConnections?: number;
}

/** POSTs each event to one URL, signed; a reply other than the acknowledgement is a failure to retry. */
export function createWebhookSink(config: unknown, o: WebhookSinkOptions): EventSink {
  const c = parseWebhookConfig(config);
  const timeoutMs = o.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const ackMode = o.ackMode ?? 'status';
  const target = httpTarget(c.url, o.maxConnections ?? 64);
  const timeouts = createSendTimeouts(o.clock, timeoutMs);
  let sending = 0;
  let idleWaiters: (() => void)[] = [];
  return {
    async send(message: OutgoingMessage, signal?: AbortSignal): Promise<DeliveryOutcome> {
      sending++;
      const timestamp = Math.floor(o.clock.now() / 1000);
      const post = startPost(
        target,
        {
          ...c.headers,
          'content-type': message.contentType,
          'x-outdial-event-id': message.eventId,
          'x-outdial-event-type': message.eventType,
          'x-outdial-timestamp': String(timestamp),
          'x-outdial-signature': webhookSignature(c.secret, timestamp, message.body),
        },
        message.body,
      );
      const inFlight = timeouts.add(signal, post.abort);
      try {
        const res = await post.reply;
        const text = res.text;
        const ok2xx = res.status >= 200 && res.status < 300;
        if (!ok2xx) return { ok: false, status: res.status, error: `HTTP ${res.status}${snippet(text)}` };
        if (ackMode === 'success-body' && text.trim() !== 'success') {
          return { ok: false, status: res.status, error: `the reply was not "success"${snippet(text)}` };
        }
        return { ok: true, status: res.status };
      } catch (e) {
        if (inFlight.timedOut) return { ok: false, error: `no reply within ${timeoutMs} ms` };
        if (signal?.aborted) return { ok: false, error: 'sending was stopped' };
        return { ok: false, error: describeError(e) };
      } finally {
        timeouts.remove(inFlight);
        if (--sending === 0) {
          for (const w of idleWaiters) w();
          idleWaiters = [];
        }
      }
    },
    /** Lets sends in flight finish (each has its timeout), then closes the kept connections. */
    async close() {
      if (sending > 0) await new Promise<void>((r) => idleWaiters.push(r));
      timeouts.close();
      await target.close();
    },
  };
}

interface SendInFlight {
  abort: (reason: Error) => void;
  stop: AbortSignal | undefined;
  deadline: number;
  timedOut: boolean;
}

/**
 * Times out a sink's sends on the Clock with one timer for all of them, and aborts them all when a stop signal
 * fires, with one listener per signal: a timer, a promise, an AbortController and listeners per send cost more than the rest of
 * the send's own work at thousands of sends a second. Every send has the same timeout, so the sends in flight,
 * in the order they started, are also in the order of their deadlines.
 */
function createSendTimeouts(clock: Clock, timeoutMs: number) {
  const inFlight = new Set<SendInFlight>();
  const watched = new WeakSet<AbortSignal>();
  let timer: AbortController | undefined;

  function arm() {
    const first = inFlight.values().next().value as SendInFlight | undefined;
    if (!first || timer) return;
    const armed = new AbortController();
    timer = armed;
    clock.sleep(first.deadline - clock.now(), armed.signal).then(
      () => {
        timer = undefined;
        const now = clock.now();
        for (const s of inFlight) {
          if (s.deadline > now) break;
          inFlight.delete(s);
          s.timedOut = true;
          s.abort(new Error('timeout'));
        }
        arm();
      },
      () => undefined,
    );
  }

  function disarm() {
    timer?.abort();
    timer = undefined;
  }

  return {
    add(stop: AbortSignal | undefined, abort: (reason: Error) => void): SendInFlight {
      if (stop && !watched.has(stop)) {
        watched.add(stop);
        stop.addEventListener(
          'abort',
          () => {
            for (const s of inFlight) if (s.stop === stop) s.abort(abortReason(stop));
          },
          { once: true },
        );
      }
      const s: SendInFlight = {
        abort,
        stop,
        deadline: clock.now() + timeoutMs,
        timedOut: false,
      };
      if (stop?.aborted) abort(abortReason(stop));
      inFlight.add(s);
      arm();
      return s;
    },
    remove(s: SendInFlight) {
      inFlight.delete(s);
      if (inFlight.size === 0) disarm(); // no timer left behind on an idle sink
    },
    close: disarm,
  };
}

const snippet = (text: string): string => {
  const t = text.trim();
  return t ? `: ${t.length > 200 ? `${t.slice(0, 200)}…` : t}` : '';
};

function describeError(e: unknown): string {
  const code = (e as { code?: unknown } | undefined)?.code;
  const text = errorText(e);
  return typeof code === 'string' && !text.includes(code) ? `${text} (${code})` : text;
}
