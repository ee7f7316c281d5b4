import { type ChildProcess, spawn } from 'node:child_process';
import { AckPolicy, connect, type JsMsg, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNatsSink } from '../../../src/events/sinks/nats.js';
import { CLOSED_PORT, ensureBroker } from './brokers.js';
import { testMessages, uniqueName } from './messages.js';

const SERVERS = 'nats://127.0.0.1:4222';

describe('NATS JetStream sink', () => {
  let nc: NatsConnection;
  const streams: string[] = [];

  beforeAll(async () => {
    await ensureBroker('NATS');
    nc = await connect({ servers: SERVERS });
  });
  afterAll(async () => {
    const jsm = await nc.jetstreamManager();
    for (const s of streams) await jsm.streams.delete(s).catch(() => {});
    await nc.close();
  });

  async function consume(stream: string, n: number): Promise<JsMsg[]> {
    const jsm = await nc.jetstreamManager();
    const name = uniqueName('reader');
    await jsm.consumers.add(stream, { durable_name: name, ack_policy: AckPolicy.Explicit });
    const consumer = await nc.jetstream().consumers.get(stream, name);
    const got: JsMsg[] = [];
    for await (const m of await consumer.fetch({ max_messages: n, expires: 1000 })) {
      m.ack();
      got.push(m);
    }
    return got;
  }

  it('publishes to <subject>.<key> on the stream it creates; a consumer reads them in order with ids', async () => {
    const stream = uniqueName('OUTDIAL');
    const subject = uniqueName('outdial');
    streams.push(stream);
    const sink = createNatsSink({ servers: SERVERS, subject, stream });
    await sink.check!();
    const messages = testMessages(5);

    for (const m of messages) expect(await sink.send(m)).toMatchObject({ ok: true });
    await sink.close();
    const got = await consume(stream, 5);

    expect(got.map((m) => m.string())).toEqual(messages.map((m) => m.body));
    expect(got[0]!.subject).toBe(`${subject}.job.complete`);
    expect(got.map((m) => m.headers?.get('Nats-Msg-Id'))).toEqual(messages.map((m) => m.eventId));
    expect(got[0]!.headers?.get('x-event-type')).toBe('job.complete');
    expect(got[0]!.headers?.get('x-job-id')).toBe('job-1');
    expect(got[0]!.headers?.get('Content-Type')).toBe('application/json');
  });

  it('a re-sent event id is stored once', async () => {
    const stream = uniqueName('OUTDIAL');
    streams.push(stream);
    const sink = createNatsSink({ servers: SERVERS, subject: uniqueName('outdial'), stream });
    const [first, second] = testMessages(2);

    expect(await sink.send(first!)).toMatchObject({ ok: true });
    expect(await sink.send(first!)).toMatchObject({ ok: true, detail: expect.stringContaining('duplicate') });
    expect(await sink.send(second!)).toMatchObject({ ok: true });
    await sink.close();

    const info = await (await nc.jetstreamManager()).streams.info(stream);
    expect(info.state.messages).toBe(2);
  });

  it('send() without a stream capturing the subject fails without throwing; check() names the field', async () => {
    const sink = createNatsSink({ servers: SERVERS, subject: uniqueName('nowhere') });
    expect(await sink.send(testMessages(1)[0]!)).toMatchObject({ ok: false, error: expect.stringMatching(/stream/) });
    await expect(sink.check!()).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'stream' } });
    await sink.close();
  });

  it('check() refuses a missing stream it may not create', async () => {
    const sink = createNatsSink({
      servers: SERVERS,
      subject: 'outdial',
      stream: uniqueName('MISSING'),
      declare: false,
    });
    await expect(sink.check!()).rejects.toMatchObject({
      details: { field: 'stream' },
      message: expect.stringMatching(/does not exist/),
    });
    await sink.close();
  });

  it('check() refuses an unreachable server quickly', async () => {
    const sink = createNatsSink({ servers: `nats://127.0.0.1:${CLOSED_PORT}`, subject: 'outdial' });
    const started = Date.now();
    await expect(sink.check!()).rejects.toMatchObject({
      details: { field: 'servers' },
      message: expect.stringMatching(/not reachable/),
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await sink.send(testMessages(1)[0]!)).toMatchObject({ ok: false });
    await sink.close();
  });

  describe('against a server that requires a password', () => {
    let server: ChildProcess;
    const port = 14_222 + Math.floor(Math.random() * 1000);

    beforeAll(async () => {
      server = spawn('/usr/sbin/nats-server', [
        '-a',
        '127.0.0.1',
        '-p',
        String(port),
        '--user',
        'outdial',
        '--pass',
        'right',
      ]);
      for (let i = 0; i < 50; i++) {
        const probe = await connect({ servers: `nats://127.0.0.1:${port}`, user: 'outdial', pass: 'right' }).catch(
          () => undefined,
        );
        if (probe) return probe.close();
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the password-protected nats-server did not start');
    });
    afterAll(() => {
      server.kill();
    });

    it('check() refuses bad credentials and says so', async () => {
      const sink = createNatsSink({
        servers: `nats://127.0.0.1:${port}`,
        subject: 'outdial',
        user: 'outdial',
        pass: 'wrong',
      });
      await expect(sink.check!()).rejects.toMatchObject({
        details: { field: 'user' },
        message: expect.stringMatching(/refused the credentials/),
      });
      await sink.close();
    });
  });

  it('refuses a bad config at creation, naming the field', () => {
    expect(() => createNatsSink({ servers: SERVERS, subject: 'outdial.>' })).toThrow(
      expect.objectContaining({ details: { field: 'subject' } }),
    );
    expect(() => createNatsSink({ servers: SERVERS, subject: 'a', stream: 'has.dot' })).toThrow(
      expect.objectContaining({ details: { field: 'stream' } }),
    );
  });
});
