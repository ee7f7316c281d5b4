import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import { DAY } from '../src/core/clock.js';
import { FailureReason, JobStatus } from '../src/core/enums.js';
import type { PolicySettings } from '../src/core/policy/types.js';
import { putPolicy } from '../src/service/policy/putPolicy.js';
import type { StoreCaps } from '../src/store/dialects.js';
import type { Store } from '../src/store/openStore.js';
import { type NewListEntry, upsertListEntries } from '../src/store/policy/upsertListEntries.js';
import type { Db } from '../src/store/schema.js';
import { type BenchDialect, type BenchStore, openBenchStore, settle } from './benchStore.js';
import { type EngineCampaign, runUntilAllEnded, setUpEngineCampaign } from './engineRun.js';
import { BENCH_START, mobile } from './jobsData.js';
import { type BenchRow, formatNumber, percent, type ScenarioResult, type Section } from './report.js';
import { openTimedDb, type StatementStats } from './storeTimings.js';

export interface PolicyBenchOptions {
  /** Jobs per run, all due at once. */
  jobs: number;
  /** Entries of the block list, and numbers with a dial in the history, of the guarded run. */
  list: number;
  dialects: BenchDialect[];
  log(line: string): void;
}

/** As the dispatch bench: lines enough that capacity never binds. */
const LINES = 2_000;
/** A first, untimed run per dialect so that neither timed run pays for compiling the engine's code paths. */
const WARM_UP_JOBS = 2_000;
/** Every 100th job's number is on the block list: about 1% of the campaign is refused. */
const BLOCKED_EVERY = 100;
/** One block-list entry in 1,000 is a prefix. */
const PREFIX_EVERY = 1_000;
/** Mobile blocks the campaign never uses (jobsData's mobile() uses 138, 139, 150, 186, 187, 135, 158, 189). */
const OTHER_BLOCKS = ['130', '131', '132', '133', '136', '137', '151', '152', '153', '155', '156', '157', '159'];
/** Rows per seeding statement and per seeding transaction. */
const SEED_ROWS_PER_STATEMENT = 20_000;
const SEED_ROWS_PER_TRANSACTION = 200_000;

const CN_CARRIER: PolicySettings = { presets: ['cn-carrier'] };

type Setup = 'empty' | 'guarded';

interface Seeded {
  /** Campaign jobs whose number is blocked: the guard refuses exactly these. */
  blockedJobs: number;
}

interface Measured {
  attempts: number;
  refused: number;
  seconds: number;
  /** process.cpuUsage() user + system, µs. */
  cpuMicros: number;
}

const e164 = (national: string) => `+86${national}`;
const blockedJobsOf = (jobs: number) => Math.ceil(jobs / BLOCKED_EVERY);

/**
 * The block list of the guarded run: `size` entries in the instance's scope. Most are single numbers from
 * the campaign's own mobile blocks but never one of its numbers (mobile(i) for i ≥ jobs); one in 1,000 is a
 * prefix in a block the campaign does not use; and every 100th campaign number is listed.
 */
function* blockListEntries(instanceId: string, jobs: number, size: number): Generator<NewListEntry> {
  const entry = (pattern: string, reason: string): NewListEntry => ({
    scope: instanceId,
    list: 'block',
    pattern,
    reason,
    expiresAt: null,
  });
  let written = 0;
  for (let i = 0; i < jobs && written < size; i += BLOCKED_EVERY, written++) {
    yield entry(e164(mobile(i)), 'opted out');
  }
  for (let k = 0; written < size; k++, written++) {
    if (k % PREFIX_EVERY === PREFIX_EVERY - 1) {
      const n = Math.floor(k / PREFIX_EVERY);
      const block = OTHER_BLOCKS[n % OTHER_BLOCKS.length] as string;
      yield entry(`${e164(block)}${String(Math.floor(n / OTHER_BLOCKS.length)).padStart(4, '0')}*`, 'range');
    } else {
      yield entry(e164(mobile(jobs + k)), 'do not call');
    }
  }
}

async function seedBlockList(store: Pick<Store, 'db' | 'caps'>, instanceId: string, o: PolicyBenchOptions) {
  let chunk: NewListEntry[] = [];
  const flush = async () => {
    const entries = chunk;
    chunk = [];
    await store.db.transaction().execute((trx) => upsertListEntries(trx, store.caps, entries, BENCH_START));
  };
  for (const e of blockListEntries(instanceId, o.jobs, o.list)) {
    chunk.push(e);
    if (chunk.length >= SEED_ROWS_PER_TRANSACTION) await flush();
  }
  if (chunk.length > 0) await flush();
}

interface HistoryRow {
  number: string;
  at: number;
  jobId: string;
  answered: boolean;
}

/**
 * One earlier dial for each of `count` numbers, the campaign's among them (mobile(0…)), 1 to 7 days before
 * the campaign: inside the 8 days numberFacts reads, outside the 24 h and 5 minutes cn-carrier counts. A third
 * were answered; those also have their number_memory row, as recordNumberOutcome leaves it.
 */
function historyRow(i: number): HistoryRow {
  const back = DAY + ((i * 7_919_993) % (6 * DAY));
  return { number: e164(mobile(i)), at: BENCH_START - back, jobId: `earlier-job-${i}`, answered: i % 3 === 0 };
}

/** Bulk rows in one statement that binds an array (or a JSON text) per statement, not a parameter per value. */
async function insertHistory(db: Kysely<Db>, caps: StoreCaps, instanceId: string, rows: HistoryRow[]) {
  const answered = rows.filter((r) => r.answered);
  if (caps.dialect === 'postgres') {
    await sql`insert into number_dial (instance_id, number, at, job_id, answered)
      select ${instanceId}::varchar, n, a, j, s from unnest(${rows.map((r) => r.number)}::varchar[],
        ${rows.map((r) => r.at)}::bigint[], ${rows.map((r) => r.jobId)}::varchar[],
        ${rows.map((r) => (r.answered ? 1 : 0))}::smallint[]) as t(n, a, j, s)`.execute(db);
    if (answered.length > 0) {
      await sql`insert into number_memory (instance_id, number, last_answered_at)
        select ${instanceId}::varchar, n, a from unnest(${answered.map((r) => r.number)}::varchar[],
          ${answered.map((r) => r.at)}::bigint[]) as t(n, a)`.execute(db);
    }
    return;
  }
  const dials = JSON.stringify(rows.map((r) => [r.number, r.at, r.jobId, r.answered ? 1 : 0]));
  await sql`insert into number_dial (instance_id, number, at, job_id, answered)
    select ${instanceId}, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
      json_extract(value, '$[3]') from json_each(${dials})`.execute(db);
  if (answered.length > 0) {
    const memory = JSON.stringify(answered.map((r) => [r.number, r.at]));
    await sql`insert into number_memory (instance_id, number, last_answered_at)
      select ${instanceId}, json_extract(value, '$[0]'), json_extract(value, '$[1]')
      from json_each(${memory})`.execute(db);
  }
}

async function seedHistory(store: Pick<Store, 'db' | 'caps'>, instanceId: string, count: number) {
  for (let from = 0; from < count; from += SEED_ROWS_PER_TRANSACTION) {
    const to = Math.min(count, from + SEED_ROWS_PER_TRANSACTION);
    await store.db.transaction().execute(async (trx) => {
      for (let i = from; i < to; i += SEED_ROWS_PER_STATEMENT) {
        const rows: HistoryRow[] = [];
        for (let k = i; k < Math.min(to, i + SEED_ROWS_PER_STATEMENT); k++) rows.push(historyRow(k));
        await insertHistory(trx, store.caps, instanceId, rows);
      }
    });
  }
}

/**
 * A campaign on a fresh store, and for the guarded run the instance's policy, block list and history
 * (setup, not timed). PostgreSQL gets the statistics and visibility map autovacuum would give a table of
 * that size in service; SQLite seeks its keys without statistics, as in service.
 */
async function setUpRun(
  store: BenchStore,
  setupDb: Pick<Store, 'db' | 'caps'>,
  o: PolicyBenchOptions,
  setup: Setup,
  engineDb?: Pick<Store, 'db' | 'caps'>,
): Promise<{ campaign: EngineCampaign; seeded: Seeded }> {
  const campaign = await setUpEngineCampaign(
    { ...store, db: setupDb.db, caps: setupDb.caps },
    { jobs: o.jobs, lines: LINES, profile: 'instant', ...(engineDb ? { engineDb } : {}) },
  );
  if (setup === 'empty') return { campaign, seeded: { blockedJobs: 0 } };
  await putPolicy(campaign.deps, campaign.instanceId, CN_CARRIER);
  const t0 = performance.now();
  await seedBlockList(setupDb, campaign.instanceId, o);
  await seedHistory(setupDb, campaign.instanceId, Math.max(o.list, o.jobs));
  if (store.dialect === 'postgres') {
    await sql`vacuum analyze number_list, number_dial, number_memory`.execute(setupDb.db);
  }
  o.log(
    `    seeded ${formatNumber(o.list)} list entries and ${formatNumber(Math.max(o.list, o.jobs))} numbers' history in ${formatNumber((performance.now() - t0) / 1000, 1)} s`,
  );
  return { campaign, seeded: { blockedJobs: Math.min(blockedJobsOf(o.jobs), o.list) } };
}

const signed = (n: number) => `${n >= 0 ? '+' : '−'}${formatNumber(Math.abs(n))}`;
const cpuMicros = (u: NodeJS.CpuUsage) => u.user + u.system;

/**
 * The engine until every allowed job's one attempt has ended; then the store must show exactly the
 * blocked jobs refused and every other job succeeded, and no dial deferred.
 */
async function measure(
  store: BenchStore,
  campaign: EngineCampaign,
  seeded: Seeded,
  setupDb: Pick<Store, 'db'>,
): Promise<Measured> {
  let started = 0;
  let refused = 0;
  let deferred = 0;
  campaign.engine.events.on('engine:call:started', () => {
    started++;
  });
  campaign.engine.events.on('engine:dial:guarded', (e) => {
    if (e.verdict === 'refuse') refused++;
    else deferred++;
  });
  const dials = campaign.jobs - seeded.blockedJobs;
  await settle(store);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await runUntilAllEnded({ ...campaign, jobs: dials });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuMicros(process.cpuUsage(cpu0));
  if (!run.finished) throw new Error(`policy: the engine did not finish (${started} of ${dials} started)`);
  const count = async (status: number, reason: number | null) => {
    let q = setupDb.db
      .selectFrom('job')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', status);
    if (reason !== null) q = q.where('failure_reason', '=', reason);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const succeeded = await count(JobStatus.Succeeded, null);
  const blocked = await count(JobStatus.Failed, FailureReason.ContactBlockList);
  if (succeeded !== dials || blocked !== seeded.blockedJobs || refused !== blocked || deferred !== 0) {
    throw new Error(
      `policy: ${succeeded} of ${dials} jobs succeeded, ${blocked} of ${seeded.blockedJobs} refused as blocked, ${deferred} dials deferred`,
    );
  }
  return { attempts: started, refused, seconds, cpuMicros: cpu };
}

async function engineRun(dialect: BenchDialect, o: PolicyBenchOptions, setup: Setup): Promise<Measured> {
  const store = await openBenchStore(dialect);
  try {
    const { campaign, seeded } = await setUpRun(store, store, o, setup);
    return await measure(store, campaign, seeded, store);
  } finally {
    await store.drop();
  }
}

/** The guard's statements, told by the start of their SQL (storeTimings names them by their first 40 characters). */
const GUARD_PARTS: [RegExp, string][] = [
  [/^select \* from "number_list"|^select l\.\* from unnest/, 'matchNumbers (block list)'],
  [/^select "number", "at", "job_id"/, 'numberFacts: recent dials'],
  [/^select "number", "empty_at"/, 'numberFacts: number memory'],
  [/^insert into "number_dial"/, 'recordDials'],
  [/^update "number_dial"/, 'recordNumberOutcome: mark answered'],
  [/^insert into "number_memory"/, 'recordNumberOutcome: number memory'],
  [/^select .* from "contact_policy"/, 'policy settings (cached 5 s)'],
  [/^insert into "policy_refusal"/, 'insertRefusals'],
];

interface Profile {
  m: Measured;
  stats: StatementStats[];
}

/** The same run on a handle that times every statement; setup goes through a handle of its own. */
async function profileRun(dialect: BenchDialect, o: PolicyBenchOptions, setup: Setup): Promise<Profile> {
  const store = await openBenchStore(dialect);
  try {
    await store.close();
    const setupDb = openTimedDb(store);
    // As openStore: prepared statements kept by their SQL, and its page cache.
    const timed = openTimedDb(store, { cacheStatements: dialect === 'sqlite' });
    try {
      if (dialect === 'sqlite') await sql`pragma cache_size = -65536`.execute(timed.db);
      const { campaign, seeded } = await setUpRun(store, setupDb, o, setup, timed);
      const before = new Map(timed.stats().map((s) => [s.family, { ...s }]));
      const m = await measure(store, campaign, seeded, setupDb);
      const stats = timed.stats().map((s) => {
        const b = before.get(s.family);
        return { family: s.family, count: s.count - (b?.count ?? 0), ms: s.ms - (b?.ms ?? 0) };
      });
      return { m, stats };
    } finally {
      await setupDb.close();
      await timed.close();
    }
  } finally {
    await store.drop();
  }
}

function partOf(family: string): string {
  return GUARD_PARTS.find(([re]) => re.test(family))?.[1] ?? 'other';
}

/** Per attempt: statements and µs inside the driver, for each guard part, the rest, and in all. */
function profileSection(dialect: BenchDialect, o: PolicyBenchOptions, empty: Profile, guarded: Profile): Section {
  const tally = (p: Profile) => {
    const parts = new Map<string, { count: number; ms: number }>();
    for (const s of p.stats) {
      const part = partOf(s.family);
      const t = parts.get(part) ?? { count: 0, ms: 0 };
      t.count += s.count;
      t.ms += s.ms;
      parts.set(part, t);
    }
    return parts;
  };
  const a = tally(empty);
  const b = tally(guarded);
  const cells = (t: { count: number; ms: number } | undefined, n: number) => [
    formatNumber((t?.count ?? 0) / n, 3),
    formatNumber(((t?.ms ?? 0) * 1000) / n, 1),
  ];
  const sum = (parts: Map<string, { count: number; ms: number }>, guardOnly: boolean) => {
    const total = { count: 0, ms: 0 };
    for (const [part, t] of parts) {
      if (guardOnly && part === 'other') continue;
      total.count += t.count;
      total.ms += t.ms;
    }
    return total;
  };
  const na = empty.m.attempts;
  const nb = guarded.m.attempts;
  const rate = (m: Measured) => formatNumber(m.attempts / m.seconds);
  return {
    title: `policy guard, where a dial's time goes: ${dialect} (${formatNumber(o.jobs)} jobs; empty lists ${rate(empty.m)} attempts/s, ${formatNumber(o.list)}-entry lists ${rate(guarded.m)} attempts/s, both with every statement timed)`,
    header: [
      'part',
      'statements/dial, empty',
      'µs/dial, empty',
      `statements/dial, ${formatNumber(o.list)}`,
      `µs/dial, ${formatNumber(o.list)}`,
    ],
    rows: [
      ...GUARD_PARTS.map(([, part]) => [part, ...cells(a.get(part), na), ...cells(b.get(part), nb)]),
      ['the guard’s statements', ...cells(sum(a, true), na), ...cells(sum(b, true), nb)],
      ['all other statements', ...cells(a.get('other'), na), ...cells(b.get('other'), nb)],
      [
        'wall time per dial',
        '',
        formatNumber((empty.m.seconds * 1e6) / na, 1),
        '',
        formatNumber((guarded.m.seconds * 1e6) / nb, 1),
      ],
    ],
  };
}

export async function benchPolicy(o: PolicyBenchOptions): Promise<ScenarioResult> {
  const rows: BenchRow[] = [];
  const sections: Section[] = [];
  for (const dialect of o.dialects) {
    o.log(`  policy on ${dialect}: warm-up (${formatNumber(WARM_UP_JOBS)} jobs, cn-carrier, empty lists)…`);
    const warmStore = await openBenchStore(dialect);
    try {
      const warm = { ...o, jobs: Math.min(WARM_UP_JOBS, o.jobs), list: 0 };
      const { campaign } = await setUpRun(warmStore, warmStore, warm, 'empty');
      await putPolicy(campaign.deps, campaign.instanceId, CN_CARRIER);
      await measure(warmStore, campaign, { blockedJobs: 0 }, warmStore);
    } finally {
      await warmStore.drop();
    }
    o.log(`  policy on ${dialect}: (a) no settings, empty lists…`);
    const empty = await engineRun(dialect, o, 'empty');
    o.log(`  policy on ${dialect}: (b) cn-carrier, ${formatNumber(o.list)}-entry block list and history…`);
    const guarded = await engineRun(dialect, o, 'guarded');
    const measured = guarded.attempts / guarded.seconds;
    const baseline = empty.attempts / empty.seconds;
    const ratio = measured / baseline;
    rows.push({
      dialect,
      measured,
      baseline,
      ratio,
      met: ratio >= 1 / 1.1,
      details: [
        `time per attempt ${percent(1 / ratio)} of the empty-list run (${signed(1e6 / measured - 1e6 / baseline)} µs)`,
        `guarded ${formatNumber(guarded.seconds, 1)} s wall, CPU ${formatNumber(guarded.cpuMicros / guarded.attempts)} µs/attempt, ${formatNumber(guarded.refused)} refused as blocked`,
        `empty lists ${formatNumber(empty.seconds, 1)} s wall, CPU ${formatNumber(empty.cpuMicros / empty.attempts)} µs/attempt`,
      ],
    });
    o.log(`  policy on ${dialect}: the same two runs with every statement timed…`);
    const emptyProfile = await profileRun(dialect, o, 'empty');
    const guardedProfile = await profileRun(dialect, o, 'guarded');
    sections.push(profileSection(dialect, o, emptyProfile, guardedProfile));
  }
  return {
    name: 'policy',
    title: `${formatNumber(o.jobs)} jobs due at once, ${formatNumber(LINES)} lines, sim profile 'instant', engine on a virtual clock starting Monday 09:00 Asia/Shanghai; every claimed job passes the contact guard. Guarded: preset cn-carrier (8:00–21:00 callee-local, 5 per 24 h, 3 per 5 min), a ${formatNumber(o.list)}-entry block list (1 in ${formatNumber(PREFIX_EVERY)} a prefix, every ${BLOCKED_EVERY}th campaign number listed) and one earlier dial for each of ${formatNumber(Math.max(o.list, o.jobs))} numbers, the campaign's included. Baseline: no settings, empty lists; attempts started per second of wall time`,
    unit: 'attempts/s',
    measuredLabel: 'guarded, full lists',
    baselineLabel: 'empty lists',
    target: '≤ 110% time per attempt (≥ 90.9% of the rate)',
    rows,
    sections,
    notes: [
      'the guard cannot be switched off, so the baseline is the guard with empty lists: a block-list lookup per 500 numbers, recordDials per claimed batch and recordNumberOutcome per answered call are in both runs (see the breakdown); the ratio is what full lists, history lookups and the base-period and limit checks add',
      'history: each number dialled once 1 to 7 days before (inside the 8 days numberFacts reads, outside every cn-carrier limit); a third answered, with their number_memory row. Block list in the instance scope; the global list (empty) is consulted too',
      'PostgreSQL: VACUUM ANALYZE of the three tables after seeding, as autovacuum would leave tables of that size; seeding is not timed. Each dialect starts with an untimed warm-up run',
      'breakdown: Kysely log timings per statement, divided by attempts started; on PostgreSQL the claim loop and the recorder overlap on two connections, so parts may add up to more than the wall time',
    ],
  };
}
