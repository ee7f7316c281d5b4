import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { OutdialError } from '../../src/core/errors.js';
import { createVirtualClock } from '../../src/core/virtualClock.js';
import type { OutgoingMessage } from '../../src/events/sink.js';
import { createWebhookSink, parseWebhookConfig } from '../../src/events/sinks/webhook.js';
import { eventually, type Receiver, type Reply, startReceiver } from './dispatchHarness.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
const message: OutgoingMessage = {
  body: JSON.stringify({ subject: 'job-1', id: 'ev-1' }),
  contentType: 'application/json',
  key: 'JobComplete',
  eventId: 'ev-1',
  eventType: 'JobComplete',
  jobGroupId: 'group-1',
  jobId: 'job-1',
  occurredAt: T0,
};

describe('the webhook sink', () => {
  const clock = createVirtualClock(T0);
  let rx: Receiver | undefined;
  afterEach(async () => {
    await rx?.close();
    rx = undefined;
  });
  const receive = async (reply: Reply) => {
    rx = await startReceiver(clock, () => reply);
    return rx;
  };

  it('POSTs the body signed: receivers recompute HMAC-SHA256(secret, timestamp + "." + body)', async () => {
    const r = await receive({ status: 204 });
    const secret = 'a-secret-of-some-length';
    const sink = createWebhookSink({ url: r.url, secret, headers: { 'X-Tenant': 'acme' } }, { clock });
    expect(await sink.send(message)).toEqual({ ok: true, status: 204 });
    const got = r.received[0];
    expect(got?.body).toBe(message.body);
    expect(got?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-outdial-event-id': 'ev-1',
      'x-outdial-event-type': 'JobComplete',
      'x-outdial-timestamp': String(T0 / 1000),
      'x-tenant': 'acme',
    });
    const expected = createHmac('sha256', secret)
      .update(`${T0 / 1000}.${message.body}`)
      .digest('hex');
    expect(got?.headers['x-outdial-signature']).toBe(`v1=${expected}`);
  });

  it('acknowledges by status, or by the body "success" in success-body mode', async () => {
    const r = await receive({ status: 200, body: 'ok' });
    expect(await createWebhookSink({ url: r.url }, { clock }).send(message)).toMatchObject({ ok: true });
    const strict = createWebhookSink({ url: r.url }, { clock, ackMode: 'success-body' });
    expect(await strict.send(message)).toMatchObject({
      ok: false,
      status: 200,
      error: 'the reply was not "success": ok',
    });
    r.setHandler(() => ({ status: 200, body: 'success\n' }));
    expect(await strict.send(message)).toMatchObject({ ok: true });
    r.setHandler(() => ({ status: 500, body: 'success' }));
    expect(await strict.send(message)).toMatchObject({ ok: false, status: 500 });
  });

  it('times out on the clock, and reports a refused connection', async () => {
    const r = await receive('hang');
    const sending = createWebhookSink({ url: r.url }, { clock, timeoutMs: 1_500 }).send(message);
    await eventually(() => r.received.length === 1);
    await clock.advanceBy(1_500);
    expect(await sending).toEqual({ ok: false, error: 'no reply within 1500 ms' });
    const unused = createServer().listen(0, '127.0.0.1');
    await once(unused, 'listening');
    const { port } = unused.address() as AddressInfo;
    unused.close();
    await once(unused, 'close');
    const refused = await createWebhookSink({ url: `http://127.0.0.1:${port}/x` }, { clock }).send(message);
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('times out a send still waiting for a connection, and stops every send in flight when told to', async () => {
    const r = await receive('hang');
    const sink = createWebhookSink({ url: r.url }, { clock, timeoutMs: 1_000, maxConnections: 1 });
    const first = sink.send(message);
    const queued = sink.send({ ...message, eventId: 'ev-2' });
    await eventually(() => r.received.length === 1);
    await clock.advanceBy(1_000);
    expect(await Promise.all([first, queued])).toEqual([
      { ok: false, error: 'no reply within 1000 ms' },
      { ok: false, error: 'no reply within 1000 ms' },
    ]);
    const stop = new AbortController();
    const stopped = [sink.send(message, stop.signal), sink.send({ ...message, eventId: 'ev-3' }, stop.signal)];
    await eventually(() => r.received.length === 2);
    stop.abort(new Error('dispatcher stopping'));
    expect(await Promise.all(stopped)).toEqual([
      { ok: false, error: 'sending was stopped' },
      { ok: false, error: 'sending was stopped' },
    ]);
    expect(await sink.send(message, stop.signal)).toEqual({ ok: false, error: 'sending was stopped' });
    expect(r.received).toHaveLength(2); // the queued ones never went out
  });

  it('keeps 64 KiB of a reply: an endless error body still ends the send, with a short snippet', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(16 * 1024);
      const more = () => {
        while (res.write(chunk)) {
          // until the socket's buffer is full
        }
      };
      res.on('drain', more);
      more();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const outcome = await createWebhookSink({ url: `http://127.0.0.1:${port}/x` }, { clock }).send(message);
      expect(outcome).toEqual({ ok: false, status: 500, error: `HTTP 500: ${'x'.repeat(200)}…` });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('refuses URLs that are not http(s), malformed ones and reserved headers, naming the field', () => {
    const field = (config: unknown) => {
      try {
        parseWebhookConfig(config);
      } catch (e) {
        return e instanceof OutdialError ? [e.code, e.details.field] : e;
      }
      return 'accepted';
    };
    expect(field({ url: 'ftp://example.com/x' })).toEqual(['VALIDATION_FAILED', 'url']);
    expect(field({ url: 'not a url' })).toEqual(['VALIDATION_FAILED', 'url']);
    expect(field({ url: 'https://example.com', headers: { 'X-Outdial-Signature': 'x' } })).toEqual([
      'VALIDATION_FAILED',
      'headers',
    ]);
    expect(field({ url: 'https://example.com', extra: 1 })).toEqual(['VALIDATION_FAILED', 'config']);
    const made = parseWebhookConfig({ url: 'https://example.com/hook' });
    expect(made.secret.length).toBeGreaterThanOrEqual(32);
  });
});
