import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { JobStatus, TaskStatus } from '../src/core/enums.js';
import type { JobEventType, OutdialEvent } from '../src/core/events.js';
import { systemClock } from '../src/engine/systemClock.js';
import { createDispatcher, DEFAULT_DISPATCHER_OPTIONS, type Dispatcher } from '../src/events/dispatcher.js';
import type { EventFormat } from '../src/events/format.js';
import { FORMATS } from '../src/events/formats/index.js';
import { eventRow } from '../src/events/outbox/eventRows.js';
import type { OutgoingMessage } from '../src/events/sink.js';
import { httpPost, httpTarget } from '../src/events/sinks/httpPost.js';
import { webhookSignature } from '../src/events/sinks/webhook.js';
import { createSubscription, type SubscriptionInput } from '../src/events/subscriptions/index.js';
import { createInstance } from '../src/service/createInstance.js';
import { createSecretBox, type SecretBox } from '../src/service/credentials/secretBox.js';
import { insertDeliveries, type NewDelivery } from '../src/store/events/insertDeliveries.js';
import { insertEvents } from '../src/store/events/insertEvents.js';
import type { Db, NewEventRow } from '../src/store/schema.js';
import { uuidv7 } from '../src/store/uuidv7.js';
import { pool } from './apiClient.js';
import { type BenchDialect, type BenchStore, openBenchStore, settle } from './benchStore.js';
import { silentLog } from './engineRun.js';
import { type Broker, type BrokerKind, openBroker } from './eventsBrokers.js';
import { type BenchReceiver, startBenchReceiver } from './eventsReceiver.js';
import { mobile } from './jobsData.js';
import { type BenchRow, formatNumber, percent, type ScenarioResult, type Section } from './report.js';
import { openTimedDb } from './storeTimings.js';

export interface EventsBenchOptions {
  /** Events in the outbox at the start of each throughput run (webhook). */
  events: number;
  /** Jobs the events belong to: a job's deliveries go out one after another, so at most this many at once. */
  jobs: number;
  /** Events in each broker run. */
  brokerEvents: number;
  /** Sends in flight per subscription (the dispatcher's perSubscription) and in the bare loops. */
  concurrency: number;
  /** A throughput run stops there, and a latency run waits that long after its stream for the rest. */
  maxSeconds: number;
  /** Events per second and seconds of the latency stream. */
  rate: number;
  seconds: number;
  dialects: BenchDialect[];
  log(line: string): void;
  /** Adds a run per dialect whose every statement is timed, and the per-event CPU of parse, format and sign. */
  profile?: boolean;
  /** Pending deliveries waiting for a retry in the dead receiver's backlog (0: no such run). */
  deadBacklog: number;
}

/** The issue's targets. */
const WEBHOOK_TARGET = 5_000;
const P99_TARGET_MS = 250;
/** The dispatcher's cap on sends in flight in one process; the default. */
const GLOBAL = DEFAULT_DISPATCHER_OPTIONS.global;
/** How often the latency stream writes what is due. */
const TICK_MS = 10;
const GROUP_ID = 'bench-group';
const CALL_EVENTS: JobEventType[] = ['Dialing', 'CallAnswered', 'CallFinished'];

interface Format {
  format: EventFormat;
}

/** The subscriptions' format: the real cloudevents of src/events/formats. */
const cloudEvents = (): Format => ({ format: FORMATS.cloudevents });

/** Event `k` of a run: job k mod `jobs`, a call event with its task, as the engine writes it. */
function benchEvent(instanceId: string, k: number, jobs: number, occurredAt: number): NewEventRow {
  const j = k % jobs;
  const jobId = `bench-job-${j}`;
  return eventRow({
    id: uuidv7(), // as `outdial serve` makes ids
    type: CALL_EVENTS[Math.floor(k / jobs) % CALL_EVENTS.length] as JobEventType,
    occurredAt,
    job: {
      id: jobId,
      instance_id: instanceId,
      job_group_id: GROUP_ID,
      reference_id: `ref-${j}`,
      contacts: JSON.stringify([
        { phoneNumber: mobile(j), e164: `+86${mobile(j)}`, name: '张三', honorific: '', referenceId: `c-${j}` },
      ]),
      extras: JSON.stringify([
        { key: 'customerName', value: '张三' },
        { key: 'amount', value: String(100 + (j % 900)) },
      ]),
    },
    status: JobStatus.Executing,
    failureReason: null,
    attempts: 1,
    task: {
      id: `bench-task-${j}`,
      attempt: 1,
      status: TaskStatus.Executing,
      plannedTime: occurredAt,
      actualTime: occurredAt,
      answeredAt: null,
      endTime: null,
      callingNumber: '02150000000',
      calledNumber: mobile(j),
      hangupCause: null,
      sipCode: null,
      ringDuration: 0,
      talkDuration: 0,
    },
  });
}

/** A fresh store with one instance and one active subscription to `sink`. */
interface EventsStore {
  store: BenchStore;
  instanceId: string;
  box: SecretBox;
}

async function openEventsStore(
  dialect: BenchDialect,
  sink: Pick<SubscriptionInput, 'sink' | 'config'>,
  f: Format,
): Promise<EventsStore> {
  const store = await openBenchStore(dialect);
  const box = createSecretBox(randomBytes(32));
  const deps = { db: store.db, caps: store.caps, clock: systemClock, newId: randomUUID };
  const instanceId = (
    await createInstance({ ...deps, defaultCountry: 'CN', defaultTimeZone: 'Asia/Shanghai' }, { name: 'bench' })
  ).id;
  const s = { store, instanceId, box };
  await subscribe(s, f, 'bench', sink);
  return s;
}

/** A cloudevents subscription of the bench's instance; its id. */
async function subscribe(
  s: EventsStore,
  f: Format,
  name: string,
  sink: Pick<SubscriptionInput, 'sink' | 'config'>,
): Promise<string> {
  const deps = { db: s.store.db, caps: s.store.caps, clock: systemClock, newId: randomUUID };
  const sub = await createSubscription(
    { ...deps, box: s.box, formats: { cloudevents: f.format } },
    { instanceId: s.instanceId, name, format: 'cloudevents', ...sink },
  );
  return sub.id;
}

/** Writes events 0 … n-1 into the outbox, 2,000 per transaction, all occurred at `at`. */
async function fillOutbox(s: EventsStore, n: number, jobs: number, at: number): Promise<void> {
  for (let from = 0; from < n; from += 2_000) {
    const rows = Array.from({ length: Math.min(2_000, n - from) }, (_, k) =>
      benchEvent(s.instanceId, from + k, jobs, at),
    );
    await s.store.db.transaction().execute((trx) => insertEvents(trx, s.store.caps, rows));
  }
}

function dispatcherOn(
  s: EventsStore,
  f: Format,
  options: { perSubscription?: number; global?: number },
  db: Kysely<Db> = s.store.db,
): Dispatcher {
  return createDispatcher({
    db,
    caps: s.store.caps,
    clock: systemClock,
    log: silentLog,
    box: s.box,
    formats: { cloudevents: f.format },
    options,
  });
}

/** Counts what the dispatcher reports; `until(n, ms)` resolves once n are delivered or ms have passed. */
function watchDeliveries(d: Dispatcher) {
  let delivered = 0;
  let failed = 0;
  let waiter: { n: number; resolve(): void } | undefined;
  d.onAttempt((r) => {
    if (r.status === 'delivered') delivered++;
    else failed++;
    if (waiter && delivered >= waiter.n) waiter.resolve();
  });
  return {
    delivered: () => delivered,
    failed: () => failed,
    /** Whether all n were delivered in time. */
    async until(n: number, ms: number): Promise<boolean> {
      if (delivered < n) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          timer = setTimeout(resolve, ms);
          waiter = { n, resolve };
        });
        clearTimeout(timer);
        waiter = undefined;
      }
      return delivered >= n;
    },
  };
}

interface Throughput {
  seconds: number;
  delivered: number;
  failed: number;
}

/**
 * Starts a dispatcher on a full outbox and times it until every event is delivered, or until `maxSeconds`:
 * then the rate is what was delivered by that time.
 */
async function dispatchAll(
  s: EventsStore,
  f: Format,
  n: number,
  o: Pick<EventsBenchOptions, 'concurrency' | 'maxSeconds'>,
  db?: Kysely<Db>,
): Promise<Throughput> {
  await settle(s.store);
  const d = dispatcherOn(s, f, { perSubscription: o.concurrency, global: GLOBAL }, db);
  const w = watchDeliveries(d);
  const t0 = performance.now();
  d.start();
  try {
    await w.until(n, o.maxSeconds * 1000);
    return { seconds: (performance.now() - t0) / 1000, delivered: w.delivered(), failed: w.failed() };
  } finally {
    await d.stop({ drainMs: 0 });
  }
}

/** Fails the run when the receiver did not see every event at least once. */
async function checkReceived(receiver: BenchReceiver, n: number, what: string): Promise<void> {
  const got = new Set((await receiver.take()).ids).size;
  if (got < n) throw new Error(`events: the receiver saw ${got} of ${n} events (${what})`);
}

/** The messages of a run, rendered outside any timing: what a bare loop sends. */
function renderedMessages(instanceId: string, n: number, jobs: number, f: Format) {
  const at = Date.now();
  return Array.from({ length: n }, (_, k) => {
    const data = JSON.parse(benchEvent(instanceId, k, jobs, at).data) as OutdialEvent;
    const formatted = f.format(data);
    if (!formatted) throw new Error(`events: the format has no message for ${data.type}`);
    const m: OutgoingMessage = {
      ...formatted,
      eventId: data.id,
      eventType: data.type,
      jobGroupId: data.jobGroupId,
      jobId: data.jobId,
      occurredAt: data.occurredAt,
    };
    return m;
  });
}

/** The headers the webhook sink sends, with one signature of the right length. */
function webhookHeaders(m: Pick<OutgoingMessage, 'contentType' | 'eventId' | 'eventType'>): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'content-type': m.contentType,
    'x-outdial-event-id': m.eventId,
    'x-outdial-event-type': m.eventType,
    'x-outdial-timestamp': String(timestamp),
    'x-outdial-signature': webhookSignature('bench-secret-0123456789', timestamp, ''),
  };
}

/** The baseline: the same bodies POSTed as the sink does (undici, keep-alive), `concurrency` at a time. */
async function barePosts(url: string, messages: OutgoingMessage[], concurrency: number): Promise<number> {
  const sent = messages.map((m) => ({ headers: webhookHeaders(m), body: m.body }));
  const target = httpTarget(url, concurrency);
  const never = new AbortController().signal;
  const t0 = performance.now();
  await pool(sent.length, concurrency, async (i) => {
    const m = sent[i] as (typeof sent)[number];
    const res = await httpPost(target, m.headers, m.body, never);
    if (res.status !== 200) throw new Error(`events: the receiver answered ${res.status}`);
  });
  const seconds = (performance.now() - t0) / 1000;
  await target.close();
  return seconds;
}

interface Latency {
  p50: number;
  p99: number;
  max: number;
  events: number;
  /** Events the receiver had not seen when the wait ended: they count as infinitely late. */
  missing: number;
}

function latencyOf(receipts: { ids: string[]; at: number[] }, occurred: Map<string, number>): Latency {
  const ms: number[] = [];
  const seen = new Set<string>();
  for (const [i, id] of receipts.ids.entries()) {
    const at = occurred.get(id);
    if (at === undefined || seen.has(id)) continue;
    seen.add(id);
    ms.push((receipts.at[i] as number) - at);
  }
  const missing = occurred.size - ms.length;
  ms.sort((a, b) => a - b);
  for (let i = 0; i < missing; i++) ms.push(Number.POSITIVE_INFINITY);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.max(0, Math.ceil(p * ms.length) - 1))] as number;
  return { p50: q(0.5), p99: q(0.99), max: ms[ms.length - 1] as number, events: occurred.size, missing };
}

/**
 * A steady stream: every TICK_MS, whatever is due at `rate` is written (occurred_at = Date.now() at the
 * write) and handed to `emit`; `occurred` maps each event id to that time.
 */
async function stream(
  o: Pick<EventsBenchOptions, 'rate' | 'jobs'>,
  seconds: number,
  instanceId: string,
  emit: (rows: NewEventRow[]) => Promise<void>,
): Promise<Map<string, number>> {
  const occurred = new Map<string, number>();
  const total = Math.round(o.rate * seconds);
  const t0 = Date.now();
  let k = 0;
  while (k < total) {
    const due = Math.min(total, Math.floor(((Date.now() - t0) * o.rate) / 1000));
    if (due > k) {
      const now = Date.now();
      const rows = Array.from({ length: due - k }, (_, i) => benchEvent(instanceId, k + i, o.jobs, now));
      for (const r of rows) occurred.set(r.id, now);
      k = due;
      await emit(rows);
    }
    await new Promise((r) => setTimeout(r, TICK_MS));
  }
  return occurred;
}

/** The stream written to the outbox of a running dispatcher with the default options. */
async function dispatcherLatency(
  dialect: BenchDialect,
  o: EventsBenchOptions,
  receiver: BenchReceiver,
  f: Format,
  wakeOnWrite: boolean,
): Promise<Latency> {
  const s = await openEventsStore(dialect, { sink: 'webhook', config: { url: receiver.url } }, f);
  try {
    await settle(s.store);
    await receiver.take();
    const d = dispatcherOn(s, f, {});
    const w = watchDeliveries(d);
    d.start();
    try {
      const occurred = await stream(o, o.seconds, s.instanceId, async (rows) => {
        await insertEvents(s.store.db, s.store.caps, rows);
        if (wakeOnWrite) d.wake();
      });
      await w.until(occurred.size, o.maxSeconds * 1000);
      return latencyOf(await receiver.take(), occurred);
    } finally {
      await d.stop({ drainMs: 0 });
    }
  } finally {
    await s.store.drop();
  }
}

/** The latency baseline: each event of the same stream POSTed the moment it is made, no store. */
async function bareLatency(o: EventsBenchOptions, receiver: BenchReceiver, f: Format): Promise<Latency> {
  await receiver.take();
  const posts = new Set<Promise<void>>();
  const target = httpTarget(receiver.url, 256);
  const never = new AbortController().signal;
  const occurred = await stream(o, Math.min(o.seconds, 5), 'bench-instance', async (rows) => {
    for (const r of rows) {
      const data = JSON.parse(r.data) as OutdialEvent;
      const m = f.format(data);
      if (!m) continue;
      const p: Promise<void> = httpPost(
        target,
        webhookHeaders({ ...m, eventId: data.id, eventType: data.type }),
        m.body,
        never,
      ).then(() => {
        posts.delete(p);
      });
      posts.add(p);
    }
  });
  await Promise.all([...posts]);
  await target.close();
  return latencyOf(await receiver.take(), occurred);
}

interface WebhookFigures {
  dispatcher: Throughput;
  bareSeconds: number;
}

async function webhookThroughput(
  dialect: BenchDialect,
  o: EventsBenchOptions,
  receiver: BenchReceiver,
  f: Format,
): Promise<WebhookFigures> {
  const s = await openEventsStore(dialect, { sink: 'webhook', config: { url: receiver.url } }, f);
  let dispatcher: Throughput;
  try {
    await fillOutbox(s, o.events, o.jobs, Date.now());
    await receiver.take();
    dispatcher = await dispatchAll(s, f, o.events, o);
    await checkReceived(receiver, dispatcher.delivered, `${dialect} dispatcher`);
  } finally {
    await s.store.drop();
  }
  const bareSeconds = await barePosts(
    receiver.url,
    renderedMessages('bench-instance', o.events, o.jobs, f),
    o.concurrency,
  );
  await checkReceived(receiver, o.events, 'bare POST loop');
  return { dispatcher, bareSeconds };
}

/** Jobs the dead receiver's backlog belongs to: 5 deliveries each, the oldest waiting for a retry. */
const DEAD_PER_JOB = 5;

/**
 * The webhook run again, with a second subscription of the same instance whose receiver is down (a closed port):
 * it gets every event too, fails each send at once, and starts with `deadBacklog` deliveries waiting for a retry an
 * hour away, as a receiver down for a long while leaves. The healthy receiver's rate is timed.
 */
async function deadNeighbourThroughput(
  dialect: BenchDialect,
  o: EventsBenchOptions,
  receiver: BenchReceiver,
  f: Format,
): Promise<Throughput> {
  const s = await openEventsStore(dialect, { sink: 'webhook', config: { url: receiver.url } }, f);
  try {
    const deadId = await subscribe(s, f, 'down', { sink: 'webhook', config: { url: DEAD_URL } });
    const now = Date.now();
    for (let from = 0; from < o.deadBacklog; from += 5_000) {
      const rows: NewDelivery[] = Array.from({ length: Math.min(5_000, o.deadBacklog - from) }, (_, k) => {
        const n = from + k;
        return {
          id: `dead-${String(n).padStart(8, '0')}`,
          subscriptionId: deadId,
          eventId: `gone-${n}`,
          jobId: `dead-job-${n % Math.ceil(o.deadBacklog / DEAD_PER_JOB)}`,
          occurredAt: now - o.deadBacklog + n,
        };
      });
      await insertDeliveries(s.store.db, s.store.caps, rows, now + HOUR_MS);
    }
    await fillOutbox(s, o.events, o.jobs, now);
    await receiver.take();
    const t = await dispatchAll(s, f, o.events, o);
    await checkReceived(receiver, t.delivered, `${dialect} dispatcher beside a dead receiver`);
    return t;
  } finally {
    await s.store.drop();
  }
}

/** Nothing listens on the discard port: a send there is refused at once. */
const DEAD_URL = 'http://127.0.0.1:9/down';
const HOUR_MS = 3_600_000;

async function brokerThroughput(
  dialect: BenchDialect,
  o: EventsBenchOptions,
  broker: Broker,
  f: Format,
): Promise<WebhookFigures> {
  const s = await openEventsStore(dialect, { sink: broker.kind, config: broker.config }, f);
  let dispatcher: Throughput;
  try {
    await fillOutbox(s, o.brokerEvents, o.jobs, Date.now());
    await broker.purge();
    dispatcher = await dispatchAll(s, f, o.brokerEvents, o);
  } finally {
    await s.store.drop();
  }
  await broker.purge();
  const messages = renderedMessages('bench-instance', o.brokerEvents, o.jobs, f);
  const bareSeconds = await broker.publishAll(messages, o.concurrency);
  return { dispatcher, bareSeconds };
}

/** One dialect's timed run: what each family of statements costs per delivery. */
async function profileRun(dialect: BenchDialect, o: EventsBenchOptions, receiver: BenchReceiver, f: Format) {
  const s = await openEventsStore(dialect, { sink: 'webhook', config: { url: receiver.url } }, f);
  try {
    await fillOutbox(s, o.events, o.jobs, Date.now());
    await receiver.take();
    const timed = openTimedDb(s.store);
    try {
      const t = await dispatchAll(s, f, o.events, o, timed.db);
      await checkReceived(receiver, t.delivered, `${dialect} profile`);
      return { t, stats: timed.stats() };
    } finally {
      await timed.close();
    }
  } finally {
    await s.store.drop();
  }
}

/** The store statements of one delivery's life, by the start of their SQL. */
const STATEMENT_FAMILIES: [RegExp, string][] = [
  [/^select \* from "fan_out_queue"/, 'fanOut: claimEventsToFanOut'],
  [/^select \* from "subscription"/, 'fanOut: listSubscriptionsOfInstances'],
  [/^insert into delivery \(/, 'fanOut: insertDeliveries'],
  [/^delete from fan_out_queue/, 'fanOut: markEventsFannedOut'],
  [/^select 1 from fan_out_queue/, 'pass: hasEventsToFanOut'],
  [/^select s\.\* from subscription/, 'pass: subscriptionsWithPending'],
  [/^select id, job_id, occurred_at/, 'pass: claimDueDeliveries walk'],
  [/^update delivery set owner/, 'pass: claimDueDeliveries lease'],
  [/^select \* from event where id/, 'pass: getEvents'],
  [/^select min\(t\.at\)/, 'pass: nextDeliveryAt'],
  [/^delete from/, 'pass: deleteExpiredDeliveries'],
  [/^update delivery set status = 'delivered'/, 'record: recordDeliveryAttempts update'],
  [/^update "delivery" set "status"/, 'record: recordDeliveryAttempts update (failed)'],
  [/^insert into delivery_attempt/, 'record: recordDeliveryAttempts insert'],
  [/^begin \/ commit$/, 'begin / commit (fanOut, record)'],
];

async function profileSections(o: EventsBenchOptions, receiver: BenchReceiver, f: Format): Promise<Section[]> {
  const sections: Section[] = [];
  for (const dialect of o.dialects) {
    o.log(`  events profile on ${dialect}…`);
    const { t, stats } = await profileRun(dialect, o, receiver, f);
    const wallMs = t.seconds * 1000;
    const merged = new Map<string, { count: number; ms: number }>();
    for (const st of stats) {
      const name = STATEMENT_FAMILIES.find(([re]) => re.test(st.family))?.[1] ?? st.family;
      const m = merged.get(name) ?? { count: 0, ms: 0 };
      m.count += st.count;
      m.ms += st.ms;
      merged.set(name, m);
    }
    const rows = [...merged].sort((a, b) => b[1].ms - a[1].ms);
    const n = t.delivered;
    sections.push({
      title: `${dialect}: store statements of ${formatNumber(n)} webhook deliveries (${formatNumber(n / t.seconds)}/s, ${formatNumber(wallMs)} ms wall, timed connection)`,
      header: ['statements', 'count', 'per delivery', 'total ms', 'µs per delivery', 'share of wall'],
      rows: rows.map(([name, m]) => [
        name,
        formatNumber(m.count),
        formatNumber(m.count / n, 2),
        formatNumber(m.ms),
        formatNumber((m.ms * 1000) / n, 1),
        percent(m.ms / wallMs),
      ]),
    });
  }
  sections.push(cpuSection(o, f));
  return sections;
}

/** What the dispatcher does per send besides the store and the socket, timed on this thread. */
function cpuSection(o: EventsBenchOptions, f: Format): Section {
  const rows = Array.from({ length: o.events }, (_, k) => benchEvent('bench-instance', k, o.jobs, Date.now()));
  const time = (fn: (r: NewEventRow) => unknown) => {
    const t0 = performance.now();
    for (const r of rows) fn(r);
    return ((performance.now() - t0) * 1000) / rows.length;
  };
  const parsed = rows.map((r) => JSON.parse(r.data) as OutdialEvent);
  const bodies = parsed.map((e) => f.format(e)?.body ?? '');
  const parse = time((r) => JSON.parse(r.data));
  let i = 0;
  const format = time(() => f.format(parsed[i++ % parsed.length] as OutdialEvent));
  i = 0;
  const sign = time(() => webhookSignature('bench-secret-0123456789', 1, bodies[i++ % bodies.length] as string));
  const schedule = time(() => JSON.parse('[10,30,60,300,1800,3600]'));
  const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0) / bodies.length;
  return {
    title: `CPU per send outside the store and the socket (${formatNumber(o.events)} events, body ${formatNumber(bytes)} bytes on average)`,
    header: ['step', 'µs per send'],
    rows: [
      ['JSON.parse(event.data)', formatNumber(parse, 1)],
      ['format (cloudevents)', formatNumber(format, 1)],
      ['HMAC signature', formatNumber(sign, 1)],
      ['JSON.parse(retry_schedule)', formatNumber(schedule, 2)],
    ],
  };
}

const rate = (n: number, seconds: number) => n / seconds;

const delivery = (t: Throughput, n: number, maxSeconds: number) =>
  `${t.delivered < n ? `stopped at ${maxSeconds} s with ${formatNumber(t.delivered)} of ${formatNumber(n)} delivered, ` : ''}${formatNumber(t.failed)} failed attempts`;

export async function benchEvents(o: EventsBenchOptions): Promise<ScenarioResult[]> {
  const f = cloudEvents();
  const receiver = await startBenchReceiver();
  const formatNote = 'format: cloudevents (src/events/formats)';
  try {
    const webhookRows: BenchRow[] = [];
    for (const dialect of o.dialects) {
      o.log(`  webhook throughput on ${dialect}…`);
      const w = await webhookThroughput(dialect, o, receiver, f);
      const measured = rate(w.dispatcher.delivered, w.dispatcher.seconds);
      const baseline = rate(o.events, w.bareSeconds);
      webhookRows.push({
        dialect,
        measured,
        baseline,
        ratio: measured / baseline,
        met: measured >= WEBHOOK_TARGET,
        details: [
          `dispatcher ${formatNumber(w.dispatcher.seconds, 1)} s, bare ${formatNumber(w.bareSeconds, 1)} s`,
          delivery(w.dispatcher, o.events, o.maxSeconds),
        ],
      });
    }
    const deadRows: BenchRow[] = [];
    for (const [i, dialect] of o.dialects.entries()) {
      if (o.deadBacklog === 0) break;
      o.log(`  webhook throughput on ${dialect} beside a dead receiver…`);
      const t = await deadNeighbourThroughput(dialect, o, receiver, f);
      const alone = webhookRows[i] as BenchRow;
      const measured = rate(t.delivered, t.seconds);
      deadRows.push({
        dialect,
        measured,
        baseline: alone.measured,
        ratio: measured / alone.measured,
        met: null,
        details: [`${formatNumber(t.seconds, 1)} s`, delivery(t, o.events, o.maxSeconds)],
      });
    }
    const latencyRows: BenchRow[] = [];
    o.log('  latency baseline (direct POSTs)…');
    const bare = await bareLatency(o, receiver, f);
    for (const dialect of o.dialects) {
      for (const wake of [false, true]) {
        o.log(`  latency on ${dialect}${wake ? ', woken on write' : ''}…`);
        const l = await dispatcherLatency(dialect, o, receiver, f, wake);
        latencyRows.push({
          dialect: `${dialect}, ${wake ? 'wake() after each write' : 'no wake (polls)'}`,
          measured: l.p99,
          baseline: bare.p99,
          ratio: l.p99 / bare.p99,
          met: l.p99 < P99_TARGET_MS,
          details: [
            `p50 ${formatNumber(l.p50)} ms, p99 ${formatNumber(l.p99)} ms, max ${formatNumber(l.max)} ms over ${formatNumber(l.events)} events${l.missing > 0 ? `, ${formatNumber(l.missing)} not delivered ${o.maxSeconds} s after the stream ended (counted as infinitely late)` : ''}`,
            `bare p50 ${formatNumber(bare.p50)} ms, p99 ${formatNumber(bare.p99)} ms`,
          ],
        });
      }
    }
    const brokerRows: BenchRow[] = [];
    const brokerNotes: string[] = [];
    for (const kind of ['rabbitmq', 'nats'] as BrokerKind[]) {
      let broker: Broker;
      try {
        broker = await openBroker(kind);
      } catch (error) {
        brokerNotes.push(`${kind}: not measured, ${String(error)}`);
        o.log(`  ${kind} skipped: ${String(error)}`);
        continue;
      }
      try {
        for (const dialect of o.dialects) {
          o.log(`  ${kind} on ${dialect}…`);
          const b = await brokerThroughput(dialect, o, broker, f);
          const measured = rate(b.dispatcher.delivered, b.dispatcher.seconds);
          const baseline = rate(o.brokerEvents, b.bareSeconds);
          brokerRows.push({
            dialect: `${dialect}, ${kind}`,
            measured,
            baseline,
            ratio: measured / baseline,
            met: null,
            details: [
              `dispatcher ${formatNumber(b.dispatcher.seconds, 1)} s, bare ${formatNumber(b.bareSeconds, 1)} s`,
              delivery(b.dispatcher, o.brokerEvents, o.maxSeconds),
            ],
          });
        }
      } finally {
        await broker.close();
      }
    }
    const sections = o.profile ? await profileSections(o, receiver, f) : [];
    const concurrency = `perSubscription ${o.concurrency}, global ${GLOBAL}`;
    return [
      {
        name: 'events-webhook',
        title: `${formatNumber(o.events)} events of ${formatNumber(o.jobs)} jobs in the outbox at the start, one webhook subscription, a node:http receiver on its own thread answering 200 at once; dispatcher on the real clock (${concurrency}); deliveries per second from start until all are delivered`,
        unit: 'deliveries/s',
        measuredLabel: 'dispatcher',
        baselineLabel: 'bare POST loop',
        target: `≥ ${formatNumber(WEBHOOK_TARGET)}/s`,
        rows: webhookRows,
        notes: [
          formatNote,
          `bare: the same bodies and headers POSTed as the webhook sink does (undici, keep-alive), ${o.concurrency} at a time, no store; the ratio is the share of the transport's rate the dispatcher reaches`,
          `timed: fan-out of the whole outbox, claims, formatting, signing, sending and recording each attempt; at most ${formatNumber(o.jobs)} deliveries are ready at once (a job's deliveries go one after another)`,
        ],
        sections,
      },
      ...(deadRows.length === 0
        ? []
        : [
            {
              name: 'events-dead-neighbour',
              title: `The webhook run (${formatNumber(o.events)} events) with a second subscription whose receiver is down: it gets every event too and starts with ${formatNumber(o.deadBacklog)} deliveries of ${formatNumber(Math.ceil(o.deadBacklog / DEAD_PER_JOB))} jobs waiting for a retry an hour away; the healthy receiver's deliveries per second`,
              unit: 'deliveries/s',
              measuredLabel: 'beside a dead receiver',
              baselineLabel: 'alone (the run above)',
              target: 'a dead receiver does not slow the others (ratio near 1)',
              rows: deadRows,
              notes: [
                formatNote,
                "the dead subscription's sends are refused at once (nothing listens on port 9); its failed attempts are recorded and retried by its schedule",
              ],
            } satisfies ScenarioResult,
          ]),
      {
        name: 'events-latency',
        title: `${formatNumber(o.rate)} events/s for ${o.seconds} s written to the outbox (occurred_at = Date.now() at the write) while a dispatcher with the default options runs (pollMs ${DEFAULT_DISPATCHER_OPTIONS.pollMs}, perSubscription ${DEFAULT_DISPATCHER_OPTIONS.perSubscription}, global ${GLOBAL}); latency = receipt at the receiver − occurred_at`,
        unit: 'ms p99',
        measuredLabel: 'dispatcher',
        baselineLabel: 'direct POST',
        target: `p99 < ${P99_TARGET_MS} ms`,
        rows: latencyRows,
        notes: [
          formatNote,
          'no wake: nothing tells the dispatcher of new events; it sees them on its next pass (after a send ends, or pollMs)',
          'wake(): the writer calls dispatcher.wake() after each write, as a writer in the same process can',
          `direct POST: the same stream for ${Math.min(o.seconds, 5)} s, each event POSTed (undici, keep-alive) when it is made, no store`,
        ],
      },
      {
        name: 'events-brokers',
        title: `${formatNumber(o.brokerEvents)} events of ${formatNumber(o.jobs)} jobs in the outbox at the start, one subscription per broker, dispatcher (${concurrency}); deliveries per second until all are delivered`,
        unit: 'deliveries/s',
        measuredLabel: 'dispatcher',
        baselineLabel: 'bare publish loop',
        target: 'none set',
        rows: brokerRows,
        notes: [
          formatNote,
          `RabbitMQ: a durable topic exchange with one durable queue bound to #, persistent messages on a confirm channel; bare: amqplib, the same publish options, ${o.concurrency} awaiting their confirm at a time`,
          `NATS: a JetStream stream (file storage) over the subject; bare: nats.js js.publish with the same msgID and headers, ${o.concurrency} awaiting their ack at a time`,
          ...brokerNotes,
        ],
      },
    ];
  } finally {
    await receiver.close();
  }
}
