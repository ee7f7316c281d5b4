import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStreamsSink } from '../../../src/events/sinks/redisStreams.js';
import { CLOSED_PORT, ensureBroker } from './brokers.js';
import { testMessages, uniqueName } from './messages.js';

const URL = 'redis://127.0.0.1:6379';

describe('Redis Streams sink', () => {
  const reader = createClient({ url: URL });
  const keys: string[] = [];

  beforeAll(async () => {
    await ensureBroker('Redis');
    await reader.connect();
  });
  afterAll(async () => {
    if (keys.length) await reader.del(keys);
    await reader.close();
  });

  /** Ids of the connections sinks opened (they name themselves `outdial`). */
  async function sinkClientIds(): Promise<Set<string>> {
    const list = await reader.clientList();
    return new Set(list.filter((c) => c.name === 'outdial').map((c) => String(c.id)));
  }

  const freshStream = () => {
    const key = uniqueName('outdial:events');
    keys.push(key);
    return key;
  };

  it('appends each message with its ids and body; XRANGE reads them back in order', async () => {
    const stream = freshStream();
    const sink = createRedisStreamsSink({ url: URL, stream });
    await sink.check!();
    const messages = testMessages(5);

    for (const m of messages) expect(await sink.send(m)).toMatchObject({ ok: true });
    await sink.close();

    const entries = await reader.xRange(stream, '-', '+');
    expect(entries.map((e) => e.message)).toEqual(
      messages.map((m) => ({
        id: m.eventId,
        type: 'job.complete',
        jobGroupId: 'group-1',
        jobId: 'job-1',
        contentType: 'application/json',
        body: m.body,
      })),
    );
  });

  it('trims the stream to about maxLen entries', async () => {
    const stream = freshStream();
    const sink = createRedisStreamsSink({ url: URL, stream, maxLen: 10 });
    for (const m of testMessages(400)) await sink.send(m);
    await sink.close();

    const length = await reader.xLen(stream);
    expect(length).toBeGreaterThanOrEqual(10);
    expect(length).toBeLessThan(400);
  });

  it('reconnects on the next send after its connection was killed', async () => {
    const stream = freshStream();
    const sink = createRedisStreamsSink({ url: URL, stream });
    const [first, second] = testMessages(2);
    const before = await sinkClientIds();
    expect(await sink.send(first!)).toMatchObject({ ok: true });
    const opened = [...(await sinkClientIds())].filter((id) => !before.has(id));
    expect(opened).toHaveLength(1);
    await reader.sendCommand(['CLIENT', 'KILL', 'ID', opened[0]!]);

    // The first send after the kill may or may not see the dead socket; the one after reconnects.
    const retried = (await sink.send(second!)).ok || (await sink.send(second!)).ok;
    expect(retried).toBe(true);
    await sink.close();
    expect((await reader.xRange(stream, '-', '+')).at(-1)?.message.id).toBe(second!.eventId);
  });

  it('check() refuses a key that is not a stream, naming the field', async () => {
    const stream = freshStream();
    await reader.set(stream, 'a string');
    const sink = createRedisStreamsSink({ url: URL, stream });
    await expect(sink.check!()).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'stream' },
      message: expect.stringMatching(/not a stream/),
    });
    await sink.close();
  });

  it('check() refuses bad credentials and says so', async () => {
    const sink = createRedisStreamsSink({ url: 'redis://nobody:wrong@127.0.0.1:6379', stream: 's' });
    await expect(sink.check!()).rejects.toMatchObject({
      details: { field: 'url' },
      message: expect.stringMatching(/refused the credentials/),
    });
    await sink.close();
  });

  it('check() refuses an unreachable server quickly; send() reports it without throwing', async () => {
    const sink = createRedisStreamsSink({ url: `redis://127.0.0.1:${CLOSED_PORT}`, stream: 's' });
    const started = Date.now();
    await expect(sink.check!()).rejects.toMatchObject({
      details: { field: 'url' },
      message: expect.stringMatching(/not reachable/),
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await sink.send(testMessages(1)[0]!)).toMatchObject({ ok: false });
    await sink.close();
  });

  it('refuses a bad config at creation, naming the field', () => {
    expect(() => createRedisStreamsSink({ url: URL, stream: 's', maxLen: 0 })).toThrow(
      expect.objectContaining({ details: { field: 'maxLen' } }),
    );
    expect(() => createRedisStreamsSink({ url: URL, stream: '' })).toThrow(
      expect.objectContaining({ details: { field: 'stream' } }),
    );
  });
});
