import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { taskStatusName } from '../../core/enums.js';
import type { Engine } from '../../engine/createEngine.js';
import type { Dispatcher } from '../../events/dispatcher.js';

export interface Metrics {
  registry: Registry;
  observeRequest(face: string, route: string, method: string, status: number, seconds: number): void;
  watchEngine(engine: Engine): void;
  /** Event delivery: backlogs read from the store at each scrape, and this process's sends. */
  watchDispatcher(dispatcher: Dispatcher): void;
}

/** Prometheus metrics: calls in flight, attempts started, tasks ended by status, API latency. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'outdial_process_' });
  const engines: Engine[] = [];
  new Gauge({
    name: 'outdial_calls_in_flight',
    help: 'Calls this process is holding right now',
    registers: [registry],
    collect() {
      this.set(engines.reduce((n, e) => n + e.inFlight(), 0));
    },
  });
  const started = new Counter({
    name: 'outdial_attempts_started_total',
    help: 'Call attempts (tasks) placed by this process',
    registers: [registry],
  });
  const ended = new Counter({
    name: 'outdial_tasks_ended_total',
    help: 'Call attempts ended, by TaskStatus',
    labelNames: ['status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'outdial_api_request_duration_seconds',
    help: 'API request latency',
    labelNames: ['face', 'route', 'method', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const dispatchers: Dispatcher[] = [];
  // One store read per scrape serves both backlog gauges.
  let backlog: ReturnType<Dispatcher['backlog']> | undefined;
  const readBacklog = () => {
    const d = dispatchers[0];
    if (!d) return undefined;
    backlog ??= d.backlog().finally(() => setImmediate(() => (backlog = undefined)));
    return backlog;
  };
  new Gauge({
    name: 'outdial_outbox_backlog',
    help: 'Events written but not yet fanned out to subscriptions',
    registers: [registry],
    async collect() {
      const b = await readBacklog();
      if (b) this.set(b.outbox);
    },
  });
  new Gauge({
    name: 'outdial_subscription_backlog',
    help: 'Pending deliveries (not yet acknowledged, not dead), by subscription',
    labelNames: ['subscription'],
    registers: [registry],
    async collect() {
      const b = await readBacklog();
      if (!b) return;
      this.reset();
      for (const [subscription, n] of Object.entries(b.pending)) this.set({ subscription }, n);
    },
  });
  const delivered = new Counter({
    name: 'outdial_deliveries_delivered_total',
    help: 'Deliveries acknowledged by their receiver, by subscription',
    labelNames: ['subscription'],
    registers: [registry],
  });
  const failedAttempts = new Counter({
    name: 'outdial_delivery_attempts_failed_total',
    help: 'Delivery attempts that failed (to be retried or dead), by subscription',
    labelNames: ['subscription'],
    registers: [registry],
  });
  const dead = new Counter({
    name: 'outdial_deliveries_dead_total',
    help: 'Deliveries given up after their last retry, by subscription',
    labelNames: ['subscription'],
    registers: [registry],
  });
  const guarded = new Counter({
    name: 'outdial_dials_guarded_total',
    help: 'Dials the contact policy refused (the job failed) or deferred (the job waits), by verdict and reason',
    labelNames: ['verdict', 'reason'],
    registers: [registry],
  });
  return {
    registry,
    observeRequest(face, route, method, status, seconds) {
      latency.observe({ face, route, method, status: String(status) }, seconds);
    },
    watchEngine(engine) {
      engines.push(engine);
      engine.events.on('engine:call:started', () => started.inc());
      engine.events.on('engine:call:ended', (e) => ended.inc({ status: taskStatusName(e.status) }));
      engine.events.on('engine:dial:guarded', (e) => guarded.inc({ verdict: e.verdict, reason: e.reason }));
    },
    watchDispatcher(dispatcher) {
      dispatchers.push(dispatcher);
      dispatcher.onAttempt((a) => {
        const labels = { subscription: a.subscriptionId };
        if (a.ok) delivered.inc(labels);
        else failedAttempts.inc(labels);
        if (a.status === 'dead') dead.inc(labels);
      });
    },
  };
}
