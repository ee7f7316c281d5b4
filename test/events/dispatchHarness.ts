import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../src/core/clock.js';
import { JobStatus } from '../../src/core/enums.js';
import type { JobEvent, JobEventType } from '../../src/core/events.js';
import type { VirtualClock } from '../../src/core/virtualClock.js';
import type { Dispatcher } from '../../src/events/dispatcher.js';
import type { EventFormat, Formats } from '../../src/events/format.js';
import type { NewEventRow } from '../../src/store/schema.js';

/** Cloudevents-like JSON for every format name: enough to carry the event to a receiver. */
const stubFormat: EventFormat = (e) => ({
  body: JSON.stringify({ specversion: '1.0', id: e.id, type: e.type, time: e.occurredAt, subject: e.jobId, data: e }),
  contentType: 'application/cloudevents+json',
  key: e.type,
});
export const STUB_FORMATS: Formats = {
  cloudevents: stubFormat,
  alibaba: stubFormat,
  baiying: stubFormat,
  airudder: stubFormat,
};

/** What the receiver does with one request: answer, drop the connection (down), or never answer. */
export type Reply = { status: number; body?: string } | 'drop' | 'hang';

export interface Received {
  at: number;
  eventId: string;
  eventType: string;
  jobId: string;
  headers: IncomingHttpHeaders;
  body: string;
  reply: Reply;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Requests answered 2xx with an acknowledgement, in arrival order. */
  acked(): Received[];
  /** Requests being handled right now (hanging ones included). */
  open(): number;
  setHandler(h: (r: Omit<Received, 'reply'>) => Reply): void;
  close(): Promise<void>;
}

/** A real HTTP server on a loopback port; it stamps each request with the (virtual) clock's time. */
export async function startReceiver(clock: Clock, handler: (r: Omit<Received, 'reply'>) => Reply): Promise<Receiver> {
  let handle = handler;
  const received: Received[] = [];
  let open = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    open++;
    res.on('close', () => open--);
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const r = {
        at: clock.now(),
        eventId: String(req.headers['x-outdial-event-id']),
        eventType: String(req.headers['x-outdial-event-type']),
        jobId: (JSON.parse(body) as { subject: string }).subject,
        headers: req.headers,
        body,
      };
      const reply = handle(r);
      received.push({ ...r, reply });
      if (reply === 'hang') return;
      if (reply === 'drop') {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body ?? '');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    acked: () =>
      received.filter(
        (r) => typeof r.reply === 'object' && r.reply.status < 300 && (r.reply.body ?? 'success').trim() === 'success',
      ),
    open: () => open,
    setHandler(h) {
      handle = h;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** An event of `jobId` in the outbox, as the engine writes it. */
export function outboxEvent(o: {
  id: string;
  type: JobEventType;
  at: number;
  instanceId: string;
  jobGroupId: string;
  jobId: string;
}): NewEventRow {
  const event: JobEvent = {
    id: o.id,
    type: o.type,
    occurredAt: o.at,
    instanceId: o.instanceId,
    jobGroupId: o.jobGroupId,
    jobId: o.jobId,
    taskId: null,
    job: {
      id: o.jobId,
      instanceId: o.instanceId,
      jobGroupId: o.jobGroupId,
      referenceId: o.jobId,
      status: JobStatus.Executing,
      failureReason: null,
      contacts: [],
      extras: [],
      attempts: 0,
    },
    task: null,
    tasks: [],
  };
  return {
    id: o.id,
    instance_id: o.instanceId,
    job_group_id: o.jobGroupId,
    job_id: o.jobId,
    task_id: null,
    type: o.type,
    occurred_at: o.at,
    data: JSON.stringify(event),
  };
}

/**
 * Runs the dispatcher on the virtual clock: lets all work settle (sends included), and when `done` is
 * not yet true moves time to the next timer. Hours of retries take as long as the sends themselves.
 */
export async function drive(
  clock: VirtualClock,
  d: Dispatcher,
  done: () => boolean | Promise<boolean>,
  maxSteps = 10_000,
) {
  for (let i = 0; i < maxSteps; i++) {
    await d.whenIdle();
    if (await done()) return;
    if (!clock.fireNext()) throw new Error('nothing left to wait for, and not done');
  }
  throw new Error(`not done after ${maxSteps} steps`);
}

/** Real-time polling for work that cannot go idle (a receiver that never answers holds sends open). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
