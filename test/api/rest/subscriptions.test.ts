import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../src/events/dispatcher.js';
import { FORMAT_NAMES } from '../../../src/events/format.js';
import { FORMATS } from '../../../src/events/formats/index.js';
import { syntheticEvent } from '../../../src/events/subscriptions/testSubscription.js';
import { insertEvents } from '../../../src/store/events/insertEvents.js';
import { drive, outboxEvent, type Receiver, STUB_FORMATS, startReceiver } from '../../events/dispatchHarness.js';
import { silentLog } from '../../support/campaign.js';
import { startTestServer, type TestServer } from '../../support/testServer.js';
import { TEST_DIALECTS } from '../../support/testStore.js';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as AddressInfo;
  srv.close();
  await once(srv, 'close');
  return port;
}

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: REST /v1/subscriptions`, () => {
    let s: TestServer;
    let rx: Receiver;
    let up = false;
    let dispatcher: Dispatcher | undefined;
    beforeAll(async () => {
      s = await startTestServer(dialect);
      rx = await startReceiver(s.clock, () => (up ? { status: 200, body: 'success' } : { status: 500 }));
    });
    afterEach(async () => {
      await dispatcher?.stop({ drainMs: 0 });
      dispatcher = undefined;
    });
    afterAll(async () => {
      await rx.close();
      await s.close();
    });

    // biome-ignore lint/suspicious/noExplicitAny: response bodies are whatever JSON the server sent
    const expectError = (r: { status: number; body: any }, status: number, field: string, message?: RegExp) => {
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(r.body.error.field).toBe(field);
      if (message) expect(r.body.error.message).toMatch(message);
    };
    const webhook = (o: object = {}) => ({
      name: 'crm',
      sink: 'webhook',
      format: 'baiying',
      config: { url: `${rx.url}?token=abc` },
      ...o,
    });

    it('creates, reads, lists, changes and deletes a subscription; the secret is shown once and never stored in clear', async () => {
      const created = await s.call('POST', '/v1/subscriptions', {
        body: webhook({ eventTypes: ['JobComplete'], retry: { preset: 'every-minute' }, ackMode: 'success-body' }),
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({
        name: 'crm',
        sink: 'webhook',
        format: 'baiying',
        target: rx.url,
        eventTypes: ['JobComplete'],
        jobGroupIds: null,
        retryScheduleSeconds: [60, 60, 60, 60, 60],
        ackMode: 'success-body',
        timeoutMs: 5000,
        status: 'active',
      });
      const { id, secret } = created.body;
      expect(secret).toMatch(/^[\w-]{32}$/);
      const stored = await s.store.db
        .selectFrom('subscription')
        .select('config_sealed')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(stored.config_sealed).not.toContain(secret);
      expect(stored.config_sealed).not.toContain('127.0.0.1');
      expect(JSON.parse(s.box.open(stored.config_sealed))).toMatchObject({ secret, url: `${rx.url}?token=abc` });

      const read = await s.call('GET', `/v1/subscriptions/${id}`);
      expect(read.status).toBe(200);
      expect(read.body.secret).toBeUndefined();
      expect(JSON.stringify(read.body)).not.toContain('token=abc');

      await s.call('POST', '/v1/subscriptions', { body: webhook({ name: 'second' }) });
      const first = await s.call('GET', '/v1/subscriptions?limit=1');
      expect(first.body.items.map((x: { name: string }) => x.name)).toEqual(['second']);
      const next = await s.call('GET', `/v1/subscriptions?limit=1&cursor=${first.body.nextCursor}`);
      expect(next.body.items.map((x: { name: string }) => x.name)).toEqual(['crm']);
      expect(next.body.items[0].secret).toBeUndefined();

      const groupId = (
        await s.call('POST', '/v1/job-groups', { body: { name: 'filtered', lineGroupIds: [s.lineGroupId] } })
      ).body.id as string;
      expectError(
        await s.call('PATCH', `/v1/subscriptions/${id}`, { body: { jobGroupIds: [groupId, 'no-such-group'] } }),
        400,
        'jobGroupIds[1]',
        /no job group no-such-group/,
      );
      const paused = await s.call('PATCH', `/v1/subscriptions/${id}`, {
        body: { status: 'paused', jobGroupIds: [groupId], eventTypes: null, retry: { scheduleSeconds: [5, 30] } },
      });
      expect(paused.status, JSON.stringify(paused.body)).toBe(200);
      expect(paused.body).toMatchObject({
        status: 'paused',
        jobGroupIds: [groupId],
        eventTypes: null,
        retryScheduleSeconds: [5, 30],
      });
      expectError(
        await s.call('PATCH', `/v1/subscriptions/${id}`, { body: { eventTypes: ['Ringing'] } }),
        400,
        'body.eventTypes[0]',
      );
      // A new URL and format; the signing secret stays when none is given, and a bad URL changes nothing.
      const moved = await s.call('PATCH', `/v1/subscriptions/${id}`, {
        body: { format: 'alibaba', config: { url: `${rx.url}/moved` } },
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body).toMatchObject({ format: 'alibaba', target: `${rx.url}/moved` });
      const sealed = async () =>
        JSON.parse(
          s.box.open(
            (
              await s.store.db
                .selectFrom('subscription')
                .select('config_sealed')
                .where('id', '=', id)
                .executeTakeFirstOrThrow()
            ).config_sealed,
          ),
        );
      expect(await sealed()).toMatchObject({ secret, url: `${rx.url}/moved` });
      expectError(
        await s.call('PATCH', `/v1/subscriptions/${id}`, { body: { config: { url: 'ftp://x' } } }),
        400,
        'config.url',
      );
      expect((await sealed()).url).toBe(`${rx.url}/moved`);

      expect((await s.call('DELETE', `/v1/subscriptions/${id}`)).status).toBe(204);
      expectError(await s.call('GET', `/v1/subscriptions/${id}`), 404, 'subscriptionId');
      expectError(await s.call('DELETE', `/v1/subscriptions/${id}`), 404, 'subscriptionId');
    });

    it('refuses a bad config at create, naming the field, and stores nothing', async () => {
      const before = (await s.call('GET', '/v1/subscriptions')).body.items.length;
      expectError(await s.call('POST', '/v1/subscriptions', { body: webhook({ format: 'xml' }) }), 400, 'body.format');
      expectError(await s.call('POST', '/v1/subscriptions', { body: webhook({ sink: 'kafka' }) }), 400, 'body.sink');
      expectError(
        await s.call('POST', '/v1/subscriptions', { body: webhook({ config: { url: 'ftp://example.com/in' } }) }),
        400,
        'config.url',
        /http or https/,
      );
      expectError(
        await s.call('POST', '/v1/subscriptions', { body: webhook({ config: { url: 'http//nowhere' } }) }),
        400,
        'config.url',
      );
      expectError(await s.call('POST', '/v1/subscriptions', { body: webhook({ config: {} }) }), 400, 'config.url');
      expectError(
        await s.call('POST', '/v1/subscriptions', { body: webhook({ retry: { scheduleSeconds: [0] } }) }),
        400,
        'body.retry.scheduleSeconds[0]',
      );
      expectError(
        await s.call('POST', '/v1/subscriptions', {
          body: { name: 'mq', sink: 'rabbitmq', format: 'alibaba', config: { url: 'http://x', exchange: 'e' } },
        }),
        400,
        'config.url',
        /amqp/,
      );
      const port = await closedPort();
      expectError(
        await s.call('POST', '/v1/subscriptions', {
          body: {
            name: 'mq',
            sink: 'rabbitmq',
            format: 'alibaba',
            config: { url: `amqp://127.0.0.1:${port}`, exchange: 'e' },
          },
        }),
        400,
        'config.url',
        /not reachable/,
      );
      expect((await s.call('GET', '/v1/subscriptions')).body.items.length).toBe(before);
    });

    it('lists deliveries with their attempts by status, and replays the dead ones', async () => {
      const sub = (await s.call('POST', '/v1/subscriptions', { body: webhook({ retry: { scheduleSeconds: [30] } }) }))
        .body;
      const t0 = s.clock.now();
      await insertEvents(
        s.store.db,
        s.store.caps,
        ['e1', 'e2', 'e3'].map((id, i) =>
          outboxEvent({
            id,
            type: 'CallFinished',
            at: t0 + i,
            instanceId: s.instanceId,
            jobGroupId: 'g',
            jobId: `job-${id}`,
          }),
        ),
      );
      dispatcher = createDispatcher({
        db: s.store.db,
        caps: s.store.caps,
        clock: s.clock,
        log: silentLog,
        box: s.box,
        formats: STUB_FORMATS,
        options: { pollMs: 3_600_000 },
      });
      s.metrics.watchDispatcher(dispatcher);
      dispatcher.start();
      const d = dispatcher;
      const dead = async () => (await s.call('GET', `/v1/subscriptions/${sub.id}/deliveries?status=dead`)).body.items;
      await drive(s.clock, d, async () => (await dead()).length === 3, 50);

      const items = await dead();
      expect(items.map((x: { eventId: string }) => x.eventId).sort()).toEqual(['e1', 'e2', 'e3']);
      const metric = (text: string, name: string) =>
        Number(
          text
            .split('\n')
            .find((l) => l.startsWith(`${name}{subscription="${sub.id}"}`))
            ?.split(' ')[1] ?? 0,
        );
      let scrape = (await s.call('GET', '/metrics', { token: null })).body as string;
      expect(metric(scrape, 'outdial_delivery_attempts_failed_total')).toBe(6);
      expect(metric(scrape, 'outdial_deliveries_dead_total')).toBe(3);
      expect(metric(scrape, 'outdial_subscription_backlog')).toBe(0);
      expect(scrape).toMatch(/^outdial_outbox_backlog 0$/m);
      for (const x of items) {
        expect(x.attempts.map((a: { at: number }) => a.at - t0)).toEqual([0, 30_000]);
        expect(x.attempts[1]).toMatchObject({ attempt: 2, ok: false, status: 500, error: 'HTTP 500' });
        expect(x).toMatchObject({ lastStatus: 500, nextAttemptAt: null, deliveredAt: null });
      }
      expect((await s.call('GET', `/v1/subscriptions/${sub.id}/deliveries?status=pending`)).body.items).toEqual([]);
      const pageOne = await s.call('GET', `/v1/subscriptions/${sub.id}/deliveries?limit=2`);
      const pageTwo = await s.call(
        'GET',
        `/v1/subscriptions/${sub.id}/deliveries?limit=2&cursor=${pageOne.body.nextCursor}`,
      );
      expect([...pageOne.body.items, ...pageTwo.body.items].map((x: { id: string }) => x.id).sort()).toEqual(
        items.map((x: { id: string }) => x.id).sort(),
      );
      expect(pageTwo.body.nextCursor).toBeNull();
      const one = await s.call('GET', `/v1/deliveries/${items[0].id}`);
      expect(one.body).toEqual(items[0]);
      expectError(await s.call('GET', '/v1/deliveries/nope'), 404, 'deliveryId');
      expectError(await s.call('GET', '/v1/subscriptions/nope/deliveries'), 404, 'subscriptionId');

      up = true;
      const only = await s.call('POST', `/v1/subscriptions/${sub.id}/replay`, { body: { deliveryIds: [items[0].id] } });
      expect(only.body).toEqual({ requeued: 1 });
      expect((await s.call('POST', `/v1/subscriptions/${sub.id}/replay`, { body: { status: 'dead' } })).body).toEqual({
        requeued: 2,
      });
      expectError(await s.call('POST', `/v1/subscriptions/${sub.id}/replay`, { body: {} }), 400, 'deliveryIds');
      d.wake();
      const delivered = async () =>
        (await s.call('GET', `/v1/subscriptions/${sub.id}/deliveries?status=delivered`)).body.items;
      await drive(s.clock, d, async () => (await delivered()).length === 3, 50);
      for (const x of await delivered()) {
        expect(x.attempts.map((a: { ok: boolean }) => a.ok)).toEqual([false, false, true]);
        expect(x.deliveredAt).toBe(s.clock.now());
      }
      scrape = (await s.call('GET', '/metrics', { token: null })).body as string;
      expect(metric(scrape, 'outdial_deliveries_delivered_total')).toBe(3);
      // Everything delivered: a replay of all of them sends them once more; until then they are the backlog.
      expect((await s.call('POST', `/v1/subscriptions/${sub.id}/replay`, { body: { all: true } })).body).toEqual({
        requeued: 3,
      });
      scrape = (await s.call('GET', '/metrics', { token: null })).body as string;
      expect(metric(scrape, 'outdial_subscription_backlog')).toBe(3);
      up = false;
    });

    it('sends a synthetic event on demand in each format and reports the outcome', async () => {
      up = true;
      for (const format of FORMAT_NAMES) {
        const sub = (await s.call('POST', '/v1/subscriptions', { body: webhook({ ackMode: 'success-body', format }) }))
          .body;
        const before = rx.received.length;
        const r = await s.call('POST', `/v1/subscriptions/${sub.id}/test`);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        expect(r.body, format).toMatchObject({ ok: true, status: 200, error: null });
        const got = rx.received.slice(before);
        expect(got.map((x) => x.eventId)).toEqual([r.body.eventId]);
        expect(got[0]?.body).toBe(FORMATS[format](syntheticEvent(r.body.eventId, s.instanceId, s.clock.now()))?.body);
      }
      up = false;
    });
  });
}
