import { performance } from 'node:perf_hooks';
import { JobStatus } from '../src/core/enums.js';
import { assignJobs } from '../src/service/assignJobs.js';
import { JOB_COLUMN_PG_ARRAY_TYPES, JOB_COLUMNS } from '../src/store/jobs/insertJobs.js';
import type { NewJobRow } from '../src/store/schema.js';
import {
  type BenchDialect,
  type BenchStore,
  openBenchStore,
  openRawPostgres,
  openRawSqlite,
  settle,
} from './benchStore.js';
import { jobJson, mobile, seededIds, setUpBenchCampaign } from './jobsData.js';
import { type BenchRow, formatNumber, type ScenarioResult } from './report.js';

export interface IngestOptions {
  jobs: number;
  /** Jobs per assignJobs call, and rows per raw transaction. */
  batch: number;
  dialects: BenchDialect[];
  log(line: string): void;
}

/** Job ids come from their own seeded stream, so the service and the raw insert store identical rows. */
const JOB_ID_SEED = 2;

// The same columns, in the same order, as the service's insert: the baseline stores identical rows.
const COLUMNS = JOB_COLUMNS;

interface RowContext {
  instanceId: string;
  jobGroupId: string;
  now: number;
}

/** The row assignJobs stores for jobJson(i), built by hand: what the raw baseline inserts. */
function expectedRow(i: number, id: string, c: RowContext): NewJobRow {
  const job = jobJson(i);
  const phoneNumber = mobile(i);
  return {
    id,
    instance_id: c.instanceId,
    job_group_id: c.jobGroupId,
    reference_id: job.referenceId,
    status: JobStatus.Scheduling,
    failure_reason: null,
    priority: 50,
    phone_number: `+86${phoneNumber}`,
    contacts: JSON.stringify([
      { phoneNumber, e164: `+86${phoneNumber}`, name: '张三', honorific: '', referenceId: job.referenceId },
    ]),
    extras: JSON.stringify(job.extras),
    time_zone: null,
    strategy: null,
    next_attempt_at: c.now,
    attempts: 0,
    day_key: null,
    day_attempts: 0,
    last_ended_at: null,
    created_at: c.now,
    updated_at: c.now,
    finished_at: null,
    version: 0,
  };
}

const rowValues = (r: NewJobRow): unknown[] => COLUMNS.map((c) => r[c] ?? null);

type RawInsert = (rows: NewJobRow[]) => Promise<void> | void;

/** The same rows through the bare driver: better-sqlite3 prepared INSERTs, or one pg statement per batch. */
async function openRawInsert(store: BenchStore): Promise<{ insert: RawInsert; close(): Promise<void> }> {
  await store.close();
  if (store.dialect === 'sqlite') {
    const raw = openRawSqlite(store.sqlitePath as string);
    const statement = raw.prepare(
      `insert into job (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`,
    );
    const insert = raw.transaction((rows: NewJobRow[]) => {
      for (const r of rows) statement.run(rowValues(r));
    });
    return {
      insert,
      close: async () => {
        raw.close();
      },
    };
  }
  const client = await openRawPostgres(store.pgSchema as string);
  const text = `insert into job (${COLUMNS.join(', ')}) select * from unnest(${COLUMNS.map(
    (col, k) => `$${k + 1}::${JOB_COLUMN_PG_ARRAY_TYPES[col]}`,
  ).join(', ')})`;
  return {
    async insert(rows) {
      const values = COLUMNS.map((col) => rows.map((r) => r[col] ?? null));
      await client.query('begin');
      await client.query({ name: 'bench-ingest', text, values });
      await client.query('commit');
    },
    close: () => client.end(),
  };
}

/**
 * assignJobs on one fresh store and the raw insert on another, batch by batch and taking turns, so both
 * meet the same machine (disk flushes, the other process's load) and the ratio holds on a noisy host.
 */
async function runDialect(dialect: BenchDialect, o: IngestOptions) {
  const serviceStore = await openBenchStore(dialect);
  const rawStore = await openBenchStore(dialect);
  try {
    const c = await setUpBenchCampaign(serviceStore, { lines: 1 });
    const r = await setUpBenchCampaign(rawStore, { lines: 1 });
    const ctx: RowContext = { instanceId: r.instanceId, jobGroupId: r.jobGroupId, now: r.clock.now() };
    if (c.jobGroupId !== r.jobGroupId) throw new Error('ingest: the two stores should hold the same ids');
    const raw = await openRawInsert(rawStore);
    await settle(serviceStore);
    const deps = { ...c.deps, newId: seededIds(JOB_ID_SEED) };
    const rawIds = seededIds(JOB_ID_SEED);
    let serviceMs = 0;
    let rawMs = 0;
    let firstId = '';
    let reported = performance.now();
    try {
      for (let from = 0, n = 0; from < o.jobs; from += o.batch, n++) {
        const to = Math.min(o.jobs, from + o.batch);
        const jobs: unknown[] = [];
        const rows: NewJobRow[] = [];
        for (let i = from; i < to; i++) {
          jobs.push(jobJson(i));
          rows.push(expectedRow(i, rawIds(), ctx));
        }
        const runService = async () => {
          const t0 = performance.now();
          const result = await assignJobs(deps, { jobGroupId: c.jobGroupId, jobs });
          serviceMs += performance.now() - t0;
          if (from === 0) firstId = result.jobIds[0] as string;
        };
        const runRaw = async () => {
          const t0 = performance.now();
          await raw.insert(rows);
          rawMs += performance.now() - t0;
        };
        if (n % 2 === 0) {
          await runService();
          await runRaw();
        } else {
          await runRaw();
          await runService();
        }
        if (performance.now() - reported > 20_000) {
          reported = performance.now();
          o.log(
            `    ${dialect}: ${formatNumber(to)} jobs; assignJobs ${formatNumber(to / (serviceMs / 1000))}/s, raw ${formatNumber(to / (rawMs / 1000))}/s`,
          );
        }
      }
    } finally {
      await raw.close();
    }
    await checkStored(serviceStore, firstId, ctx, o.jobs);
    return { serviceSeconds: serviceMs / 1000, rawSeconds: rawMs / 1000 };
  } finally {
    await serviceStore.drop();
    await rawStore.drop();
  }
}

/** The baseline must store what the service stores: compares the first row column by column, and the count. */
async function checkStored(store: BenchStore, firstId: string, ctx: RowContext, jobs: number) {
  const stored = await store.db.selectFrom('job').selectAll().where('id', '=', firstId).executeTakeFirstOrThrow();
  const expected = expectedRow(0, seededIds(JOB_ID_SEED)(), ctx);
  if (!COLUMNS.every((col) => (stored[col] ?? null) === (expected[col] ?? null))) {
    throw new Error(
      `ingest: the raw baseline does not store what assignJobs stores:\n${JSON.stringify(stored)}\n${JSON.stringify(expected)}`,
    );
  }
  const count = await store.db
    .selectFrom('job')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(count.n) !== jobs) throw new Error(`ingest: ${count.n} jobs stored, ${jobs} assigned`);
}

export async function benchIngest(o: IngestOptions): Promise<ScenarioResult> {
  const rows: BenchRow[] = [];
  for (const dialect of o.dialects) {
    o.log(`  ingest on ${dialect}: ${formatNumber(o.jobs)} jobs, assignJobs and raw insert taking turns…`);
    const { serviceSeconds, rawSeconds } = await runDialect(dialect, o);
    const measured = o.jobs / serviceSeconds;
    const baseline = o.jobs / rawSeconds;
    rows.push({
      dialect,
      measured,
      baseline,
      ratio: measured / baseline,
      met: measured / baseline >= 0.5,
      details: [
        `${formatNumber((serviceSeconds / o.jobs) * 1e6, 1)} µs/job through assignJobs, ${formatNumber((rawSeconds / o.jobs) * 1e6, 1)} raw`,
        `${formatNumber(serviceSeconds, 1)} s vs ${formatNumber(rawSeconds, 1)} s`,
      ],
    });
  }
  return {
    name: 'ingest',
    title: `${formatNumber(o.jobs)} jobs through assignJobs in calls of ${formatNumber(o.batch)} (one contact, a referenceId, two extras each), against a raw insert of the same rows in transactions of the same size`,
    unit: 'jobs/s',
    measuredLabel: 'assignJobs',
    baselineLabel: 'raw insert',
    target: '≥ 50% of raw',
    rows,
    notes: [
      'raw: better-sqlite3, one prepared single-row INSERT reused inside one transaction per batch; pg: one prepared INSERT … SELECT * FROM unnest($1::varchar[], …) per batch inside BEGIN/COMMIT',
      'timed: the whole assignJobs call (lookup, validation, phone normalisation, rows, insert, group status) vs the insert alone; building the request objects and the raw rows is not timed; the two run in turns on two fresh stores',
    ],
  };
}
