import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { benchApi } from './api.js';
import { BENCH_POSTGRES_URL, type BenchDialect } from './benchStore.js';
import { benchDispatch } from './dispatch.js';
import { benchEvents } from './events.js';
import { benchIngest } from './ingest.js';
import { benchOccupancy } from './occupancy.js';
import { benchPolicy } from './policy.js';
import { formatTable, machineInfo, resultsMarkdown, type ScenarioResult } from './report.js';
import { benchRobot } from './robot.js';

/**
 * `npm run bench [-- --write] [--profile] [--only=ingest,dispatch,occupancy,api,events,robot,policy] [--dialects=sqlite,postgres]`.
 * --profile adds timed dispatch runs (BENCH_PROFILE_JOBS, 20,000) that break an attempt's cost down by statement,
 * and for events a timed webhook run per dialect (BENCH_EVENTS events) and the CPU of parse, format and sign.
 * Sizes: BENCH_INGEST_JOBS (1,000,000), BENCH_INGEST_BATCH (2,000), BENCH_DISPATCH_JOBS (100,000),
 * BENCH_DISPATCH_LINES (2,000), BENCH_OCCUPANCY_JOBS (5,000), BENCH_OCCUPANCY_LINES (200), BENCH_API_JOBS (20,000),
 * BENCH_API_REQUESTS (20,000), BENCH_API_CLIENTS (100), BENCH_EVENTS (20,000), BENCH_EVENTS_JOBS (1,000),
 * BENCH_EVENTS_BROKER (5,000), BENCH_EVENTS_CONCURRENCY (128), BENCH_EVENTS_RATE (1,000 events/s),
 * BENCH_EVENTS_SECONDS (10), BENCH_EVENTS_MAX_SECONDS (30: a throughput run stops there and reports the rate so
 * far; a latency run waits that long for the rest after its stream), BENCH_EVENTS_DEAD_BACKLOG (100,000 deliveries
 * waiting for a retry at a dead receiver beside the healthy one). Brokers: BENCH_RABBITMQ_URL (amqp://guest:guest@127.0.0.1:5672), BENCH_NATS_URL
 * (nats://127.0.0.1:4222); one that is not reachable is skipped with a note. Robot: BENCH_ROBOT_CALLS (40 simulated
 * calls per example script and persona), BENCH_ROBOT_CAMPAIGN (10,000 calls), BENCH_ROBOT_LINES (1,000).
 * Contact policy: BENCH_POLICY_JOBS (50,000 jobs per run), BENCH_POLICY_LIST (1,000,000 block-list entries, and as
 * many numbers with a dial in the history); each dialect runs four campaigns (empty lists and full lists, each
 * plain and with every statement timed), and seeds the full lists twice (not timed).
 */
const SCENARIOS = ['ingest', 'dispatch', 'occupancy', 'api', 'events', 'robot', 'policy'] as const;
type Scenario = (typeof SCENARIOS)[number];

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const write = args.includes('--write');
const only = (flag('only') ?? SCENARIOS.join(','))
  .split(',')
  .filter((s): s is Scenario => (SCENARIOS as readonly string[]).includes(s));
const dialects = (flag('dialects') ?? process.env.BENCH_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .filter((d): d is BenchDialect => d === 'sqlite' || d === 'postgres');
const size = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive integer`);
  return v;
};
const log = (line: string) => process.stderr.write(`${line}\n`);

async function checkPostgres() {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${BENCH_POSTGRES_URL} (set OUTDIAL_BENCH_DATABASE_URL, or --dialects=sqlite): ${String(error)}`,
    );
  }
}

async function main() {
  if (dialects.includes('postgres')) await checkPostgres();
  const results: ScenarioResult[] = [];
  const started = Date.now();
  for (const scenario of only) {
    const t0 = Date.now();
    log(`${scenario}…`);
    const produced: ScenarioResult | ScenarioResult[] =
      scenario === 'ingest'
        ? await benchIngest({
            jobs: size('BENCH_INGEST_JOBS', 1_000_000),
            batch: size('BENCH_INGEST_BATCH', 2_000),
            dialects,
            log,
          })
        : scenario === 'dispatch'
          ? await benchDispatch({
              jobs: size('BENCH_DISPATCH_JOBS', 100_000),
              lines: size('BENCH_DISPATCH_LINES', 2_000),
              dialects,
              log,
              profileJobs: args.includes('--profile') ? size('BENCH_PROFILE_JOBS', 20_000) : 0,
            })
          : scenario === 'occupancy'
            ? await benchOccupancy({
                jobs: size('BENCH_OCCUPANCY_JOBS', 5_000),
                lines: size('BENCH_OCCUPANCY_LINES', 200),
                dialects,
                log,
              })
            : scenario === 'api'
              ? await benchApi({
                  jobs: size('BENCH_API_JOBS', 20_000),
                  requests: size('BENCH_API_REQUESTS', 20_000),
                  clients: size('BENCH_API_CLIENTS', 100),
                  dialects,
                  log,
                })
              : scenario === 'events'
                ? await benchEvents({
                    events: size('BENCH_EVENTS', 20_000),
                    jobs: size('BENCH_EVENTS_JOBS', 1_000),
                    brokerEvents: size('BENCH_EVENTS_BROKER', 5_000),
                    concurrency: size('BENCH_EVENTS_CONCURRENCY', 128),
                    rate: size('BENCH_EVENTS_RATE', 1_000),
                    seconds: size('BENCH_EVENTS_SECONDS', 10),
                    maxSeconds: size('BENCH_EVENTS_MAX_SECONDS', 30),
                    deadBacklog: size('BENCH_EVENTS_DEAD_BACKLOG', 100_000),
                    dialects,
                    log,
                    profile: args.includes('--profile'),
                  })
                : scenario === 'robot'
                  ? await benchRobot({
                      callsPerPersona: size('BENCH_ROBOT_CALLS', 40),
                      campaignCalls: size('BENCH_ROBOT_CAMPAIGN', 10_000),
                      campaignLines: size('BENCH_ROBOT_LINES', 1_000),
                      dialects,
                      log,
                    })
                  : await benchPolicy({
                      jobs: size('BENCH_POLICY_JOBS', 50_000),
                      list: size('BENCH_POLICY_LIST', 1_000_000),
                      dialects,
                      log,
                    });
    for (const result of Array.isArray(produced) ? produced : [produced]) {
      results.push(result);
      console.log(`\n${formatTable(result)}\n`);
    }
    log(`${scenario} took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  log(`all done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (write) {
    // bench/run.ts under tsx, or dist/bench/run.js after the build: RESULTS.md goes beside the sources.
    const here = dirname(fileURLToPath(import.meta.url));
    const root = basename(dirname(here)) === 'dist' ? join(here, '..', '..') : join(here, '..');
    const path = join(root, 'bench', 'RESULTS.md');
    writeFileSync(
      path,
      resultsMarkdown(results, {
        date: new Date(),
        machine: machineInfo(),
        command: `npm run bench -- ${args.join(' ')}`,
        previous: existsSync(path) ? readFileSync(path, 'utf8') : '',
      }),
    );
    log(`wrote ${path}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
