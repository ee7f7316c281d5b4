import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { JobStatus, TaskStatus } from '../src/core/enums.js';
import {
  type BenchDialect,
  type BenchStore,
  openBenchStore,
  openRawPostgres,
  openRawSqlite,
  settle,
} from './benchStore.js';
import { assignAll, runUntilAllEnded, setUpEngineCampaign } from './engineRun.js';
import { setUpBenchCampaign } from './jobsData.js';
import { type BenchRow, formatNumber, type ScenarioResult, type Section } from './report.js';
import { openTimedDb } from './storeTimings.js';

export interface DispatchOptions {
  jobs: number;
  lines: number;
  dialects: BenchDialect[];
  log(line: string): void;
  /** Jobs for the extra, timed runs that break an attempt's cost down by statement; 0 = none. */
  profileJobs?: number;
}

/** The engine's defaults, which the floor copies: 1,000 jobs claimed per pass, 1,000 outcomes per transaction. */
const BATCH = 1000;

interface Measured {
  attempts: number;
  seconds: number;
  /** process.cpuUsage() user + system, µs. */
  cpuMicros: number;
}

const cpuMicros = (u: NodeJS.CpuUsage) => u.user + u.system;

/** The real engine on a virtual clock, profile 'instant': every call is answered and ends at once. */
async function engineRun(
  store: BenchStore,
  o: DispatchOptions,
  engineDb?: Pick<BenchStore, 'db' | 'caps'>,
): Promise<Measured> {
  const c = await setUpEngineCampaign(store, {
    jobs: o.jobs,
    lines: o.lines,
    profile: 'instant',
    ...(engineDb ? { engineDb } : {}),
  });
  let started = 0;
  c.engine.events.on('engine:call:started', () => {
    started++;
  });
  await settle(store);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await runUntilAllEnded(c);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuMicros(process.cpuUsage(cpu0));
  if (!run.finished) throw new Error(`dispatch: the engine did not finish (${started} of ${o.jobs} started)`);
  const done = await store.db
    .selectFrom('job')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', JobStatus.Succeeded)
    .executeTakeFirstOrThrow();
  if (Number(done.n) !== o.jobs) throw new Error(`dispatch: ${done.n} of ${o.jobs} jobs succeeded`);
  return { attempts: started, seconds, cpuMicros: cpu };
}

/** How the floor does its work: as the engine does (per row, ties in index order), or a what-if. */
interface FloorShape {
  recording: 'per-row' | 'set-based';
  claimOrder: 'id' | 'index';
}

interface ClaimedJob {
  id: string;
  instance_id: string;
  phone_number: string;
  next_attempt_at: number;
}

/**
 * The floor: per attempt, only the store work one needs, in bare SQL on the bare driver, batched like the
 * engine: one transaction claims up to 1,000 due jobs (the same CTE UPDATE … RETURNING as claimDueJobs) and
 * inserts their tasks; one transaction per 1,000 outcomes closes each task and updates its job.
 */
async function floorRun(
  store: BenchStore,
  o: DispatchOptions,
  shape: FloorShape = { recording: 'per-row', claimOrder: 'index' },
): Promise<Measured> {
  const { recording } = shape;
  // claimDueJobs orders by (next_attempt_at, id); 'insertion' breaks ties in insertion order instead.
  const tiebreak = shape.claimOrder === 'id' ? ', id' : '';
  const c = await setUpBenchCampaign(store, { lines: o.lines });
  await assignAll(c, o.jobs);
  const lineRows = await store.db
    .selectFrom('line')
    .select(['id', 'calling_number'])
    .where('line_group_id', '=', c.lineGroupId)
    .orderBy('position')
    .execute();
  await store.close();
  const now = c.clock.now();
  const owner = `floor-${randomUUID()}`;
  const taskValues = (j: ClaimedJob, k: number, taskId: string) => {
    const line = lineRows[k % lineRows.length] as { id: string; calling_number: string };
    return [
      taskId,
      j.id,
      c.jobGroupId,
      j.instance_id,
      1,
      TaskStatus.Executing,
      j.next_attempt_at,
      now,
      line.calling_number,
      j.phone_number,
      c.lineGroupId,
      line.id,
      owner,
      now + 60_000,
    ];
  };
  const taskColumns =
    'id, job_id, job_group_id, instance_id, attempt, status, planned_time, actual_time, calling_number, called_number, line_group_id, line_id, owner, lease_until';
  const taskUpdateValues = (k: number) => {
    const line = lineRows[k % lineRows.length] as { id: string; calling_number: string };
    return [TaskStatus.Succeeded, now, now, 'NORMAL_CLEARING', 200, c.lineGroupId, line.id, line.calling_number];
  };
  const dayKey = '2026-01-05';
  let attempts = 0;
  await settle(store);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();

  if (store.dialect === 'sqlite') {
    const raw = openRawSqlite(store.sqlitePath as string);
    try {
      const claim = raw.prepare(
        `with due as (select id from job where job_group_id = ? and status = ? and next_attempt_at <= ?
           order by next_attempt_at${tiebreak} limit ?)
         update job set status = ?, updated_at = ?, version = version + 1
         where id in (select id from due) and status = ? returning *`,
      );
      const insertTask = raw.prepare(
        `insert into task (${taskColumns}) values (${taskColumns
          .split(',')
          .map(() => '?')
          .join(', ')})`,
      );
      const closeTask = raw.prepare(
        `update task set status = ?, actual_time = ?, end_time = ?, hangup_cause = ?, sip_code = ?, ring_duration = 0,
           talk_duration = 0, line_failures = 0, line_group_id = ?, line_id = ?, calling_number = ?, owner = null,
           lease_until = null where id = ? and status = ? and owner = ?`,
      );
      const updateJob = raw.prepare(
        `update job set attempts = 1, day_key = ?, day_attempts = 1, last_ended_at = ?,
           status = case when status = ${JobStatus.Executing} then ? else status end,
           failure_reason = case when status = ${JobStatus.Executing} then null else failure_reason end,
           next_attempt_at = case when status = ${JobStatus.Executing} then null else next_attempt_at end,
           finished_at = case when status = ${JobStatus.Executing} then ? else finished_at end,
           updated_at = ?, version = version + 1 where id = ?`,
      );
      const claimAndStart = raw.transaction(() => {
        const jobs = claim.all(
          c.jobGroupId,
          JobStatus.Scheduling,
          now,
          BATCH,
          JobStatus.Executing,
          now,
          JobStatus.Scheduling,
        ) as ClaimedJob[];
        const started = jobs.map((j, k) => {
          const taskId = randomUUID();
          insertTask.run(taskValues(j, k, taskId));
          return { taskId, jobId: j.id };
        });
        return started;
      });
      const record = raw.transaction((started: { taskId: string; jobId: string }[]) => {
        for (const [k, s] of started.entries()) {
          closeTask.run(...taskUpdateValues(k), s.taskId, TaskStatus.Executing, owner);
          updateJob.run(dayKey, now, JobStatus.Succeeded, now, now, s.jobId);
        }
      });
      for (;;) {
        const started = claimAndStart();
        if (started.length === 0) break;
        attempts += started.length;
        record(started);
      }
    } finally {
      raw.close();
    }
  } else {
    const client = await openRawPostgres(store.pgSchema as string);
    try {
      const claim = {
        name: 'floor-claim',
        text: `with due as (select id from job where job_group_id = $1 and status = $2 and next_attempt_at <= $3
                 order by next_attempt_at${tiebreak} limit $4 for update skip locked)
               update job set status = $5, updated_at = $6, version = version + 1
               where id in (select id from due) and status = $7 returning *`,
      };
      const closeTask = {
        name: 'floor-close-task',
        text: `update task set status = $1, actual_time = $2, end_time = $3, hangup_cause = $4, sip_code = $5,
                 ring_duration = 0, talk_duration = 0, line_failures = 0, line_group_id = $6, line_id = $7,
                 calling_number = $8, owner = null, lease_until = null where id = $9 and status = $10 and owner = $11`,
      };
      const updateJob = {
        name: 'floor-update-job',
        text: `update job set attempts = 1, day_key = $1, day_attempts = 1, last_ended_at = $2,
                 status = case when status = ${JobStatus.Executing} then $3 else status end,
                 failure_reason = case when status = ${JobStatus.Executing} then null else failure_reason end,
                 next_attempt_at = case when status = ${JobStatus.Executing} then null else next_attempt_at end,
                 finished_at = case when status = ${JobStatus.Executing} then $4 else finished_at end,
                 updated_at = $5, version = version + 1 where id = $6`,
      };
      // The same two writes for a whole batch in one statement each: what batching the recorder would cost.
      const closeTasks = {
        name: 'floor-close-tasks',
        text: `update task set status = $2, actual_time = $3, end_time = $3, hangup_cause = $4, sip_code = $5,
                 ring_duration = 0, talk_duration = 0, line_failures = 0, line_group_id = $6, line_id = v.line_id,
                 calling_number = v.calling_number, owner = null, lease_until = null
               from unnest($1::varchar[], $7::varchar[], $8::varchar[]) as v(id, line_id, calling_number)
               where task.id = v.id and task.status = $9 and task.owner = $10 returning task.id`,
      };
      const updateJobs = {
        name: 'floor-update-jobs',
        text: `update job set attempts = 1, day_key = $2, day_attempts = 1, last_ended_at = $3,
                 status = case when status = ${JobStatus.Executing} then $4 else status end,
                 failure_reason = case when status = ${JobStatus.Executing} then null else failure_reason end,
                 next_attempt_at = case when status = ${JobStatus.Executing} then null else next_attempt_at end,
                 finished_at = case when status = ${JobStatus.Executing} then $3 else finished_at end,
                 updated_at = $3, version = version + 1
               where id = any($1::varchar[])`,
      };
      const columns = taskColumns.split(', ');
      for (;;) {
        await client.query('begin');
        const { rows: jobs } = await client.query<ClaimedJob>({
          ...claim,
          values: [c.jobGroupId, JobStatus.Scheduling, now, BATCH, JobStatus.Executing, now, JobStatus.Scheduling],
        });
        const started = jobs.map((j) => ({ taskId: randomUUID(), jobId: j.id }));
        if (jobs.length > 0) {
          const values = jobs.flatMap((j, k) => taskValues(j, k, (started[k] as { taskId: string }).taskId));
          const tuples = jobs.map((_, r) => `(${columns.map((__, k) => `$${r * columns.length + k + 1}`).join(', ')})`);
          await client.query(`insert into task (${taskColumns}) values ${tuples.join(', ')}`, values);
        }
        await client.query('commit');
        if (jobs.length === 0) break;
        attempts += jobs.length;
        await client.query('begin');
        if (recording === 'set-based') {
          const lines = started.map((_, k) => lineRows[k % lineRows.length] as { id: string; calling_number: string });
          const closed = await client.query<{ id: string }>({
            ...closeTasks,
            values: [
              started.map((x) => x.taskId),
              TaskStatus.Succeeded,
              now,
              'NORMAL_CLEARING',
              200,
              c.lineGroupId,
              lines.map((l) => l.id),
              lines.map((l) => l.calling_number),
              TaskStatus.Executing,
              owner,
            ],
          });
          if (closed.rowCount !== started.length) throw new Error('dispatch floor: a task was not closed');
          await client.query({
            ...updateJobs,
            values: [started.map((x) => x.jobId), dayKey, now, JobStatus.Succeeded],
          });
        } else {
          for (const [k, s] of started.entries()) {
            await client.query({
              ...closeTask,
              values: [...taskUpdateValues(k), s.taskId, TaskStatus.Executing, owner],
            });
            await client.query({ ...updateJob, values: [dayKey, now, JobStatus.Succeeded, now, now, s.jobId] });
          }
        }
        await client.query('commit');
      }
    } finally {
      await client.end();
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuMicros(process.cpuUsage(cpu0));
  if (attempts !== o.jobs) throw new Error(`dispatch floor: ${attempts} of ${o.jobs} attempts`);
  return { attempts, seconds, cpuMicros: cpu };
}

/** The engine again on a handle that times every statement: where an attempt's time goes. */
async function profileRun(dialect: BenchDialect, o: DispatchOptions, cacheStatements: boolean) {
  const store = await openBenchStore(dialect);
  try {
    await store.close();
    const setup = openTimedDb(store);
    const timed = openTimedDb(store, { cacheStatements });
    try {
      // Setup (assigning the jobs) goes through its own handle so that only the engine's statements are timed.
      const m = await engineRun({ ...store, db: setup.db }, { ...o, jobs: o.profileJobs ?? 0 }, timed);
      return { m, stats: timed.stats() };
    } finally {
      await setup.close();
      await timed.close();
    }
  } finally {
    await store.drop();
  }
}

async function profileSections(o: DispatchOptions): Promise<Section[]> {
  const sections: Section[] = [];
  const us = (ms: number, n: number) => formatNumber((ms * 1000) / n, 1);
  const jobs = o.profileJobs ?? 0;
  for (const dialect of o.dialects) {
    const shapes: [string, FloorShape][] = [
      [
        'as the engine: ties in index order, a task update + a job update per attempt',
        { recording: 'per-row', claimOrder: 'index' },
      ],
      ['ties by id (the index cannot serve the order), per row', { recording: 'per-row', claimOrder: 'id' }],
    ];
    if (dialect === 'postgres') {
      shapes.push(
        [
          'ties by id, set-based: one UPDATE … FROM unnest for a batch’s tasks, one for its jobs',
          { recording: 'set-based', claimOrder: 'id' },
        ],
        ['ties in index order, set-based', { recording: 'set-based', claimOrder: 'index' }],
      );
    }
    const rows: string[][] = [];
    for (const [label, shape] of shapes) {
      o.log(`  dispatch floor on ${dialect}: ${label}…`);
      const store = await openBenchStore(dialect);
      const m = await floorRun(store, { ...o, jobs }, shape).finally(() => store.drop());
      rows.push([label, formatNumber(m.attempts / m.seconds), formatNumber(m.cpuMicros / m.attempts)]);
    }
    sections.push({
      title: `dispatch floor what-ifs on ${dialect} (${formatNumber(jobs)} attempts, bare SQL)`,
      header: ['store work', 'attempts/s', 'CPU µs/attempt'],
      rows,
    });
  }
  for (const dialect of o.dialects) {
    for (const cacheStatements of dialect === 'sqlite' ? [false, true] : [false]) {
      o.log(`  dispatch profile on ${dialect}${cacheStatements ? ', statements cached' : ''}…`);
      const { m, stats } = await profileRun(dialect, o, cacheStatements);
      const n = m.attempts;
      const inStatements = stats.reduce((a, s) => a + s.ms, 0);
      const wallMs = m.seconds * 1000;
      sections.push({
        title: `dispatch, where an attempt's time goes: ${dialect}${cacheStatements ? ', with a better-sqlite3 statement cache (what-if)' : ''} (${formatNumber(n)} attempts, ${formatNumber(n / m.seconds)} attempts/s, CPU ${formatNumber(m.cpuMicros / n)} µs/attempt)`,
        header: ['part', 'statements/attempt', 'µs/attempt inside the driver'],
        rows: [
          ...stats.map((s) => [s.family, formatNumber(s.count / n, 3), us(s.ms, s.count === 0 ? 1 : n)]),
          [
            'all statements (inside the driver)',
            formatNumber(stats.reduce((a, s) => a + s.count, 0) / n, 2),
            us(inStatements, n),
          ],
          dialect === 'sqlite'
            ? ['outside statements (Kysely build+compile, engine, sim, GC)', '', us(wallMs - inStatements, n)]
            : ['outside statements: n/a (the claim loop and the recorder overlap on two connections)', '', ''],
          ['total', '', us(wallMs, n)],
        ],
      });
    }
  }
  return sections;
}

export async function benchDispatch(o: DispatchOptions): Promise<ScenarioResult> {
  const rows: BenchRow[] = [];
  for (const dialect of o.dialects) {
    o.log(`  dispatch on ${dialect}: floor (bare SQL)…`);
    const floorStore = await openBenchStore(dialect);
    const floor = await floorRun(floorStore, o).finally(() => floorStore.drop());
    o.log(`  dispatch on ${dialect}: engine…`);
    const engineStore = await openBenchStore(dialect);
    const engine = await engineRun(engineStore, o).finally(() => engineStore.drop());
    const measured = engine.attempts / engine.seconds;
    const baseline = floor.attempts / floor.seconds;
    rows.push({
      dialect,
      measured,
      baseline,
      ratio: measured / baseline,
      met: dialect === 'sqlite' ? measured >= 2000 : null,
      details: [
        `engine ${formatNumber(engine.seconds, 1)} s wall, CPU ${formatNumber(engine.cpuMicros / engine.attempts, 0)} µs/attempt`,
        `floor ${formatNumber(floor.seconds, 1)} s wall, CPU ${formatNumber(floor.cpuMicros / floor.attempts, 0)} µs/attempt`,
      ],
    });
  }
  const sections = o.profileJobs ? await profileSections(o) : [];
  return {
    name: 'dispatch',
    sections,
    title: `${formatNumber(o.jobs)} jobs due at once, ${formatNumber(o.lines)} lines of capacity 1 in one line group (no calls-per-second limit), sim profile 'instant', strategy immediate, engine on a virtual clock; attempts started per second of wall time`,
    unit: 'attempts/s',
    measuredLabel: 'engine',
    baselineLabel: 'store floor',
    target: '≥ 2,000/s on SQLite',
    rows,
    notes: [
      'floor: bare SQL on the bare driver, per attempt only claim-update + task insert + task update + job update, in the engine’s batches (1,000 claimed per transaction, 1,000 outcomes per transaction); the ratio is the share of the floor’s rate the engine reaches',
      'CPU: process.cpuUsage() of this process per attempt (user + system); on SQLite it includes SQLite itself, on PostgreSQL only the client side',
    ],
  };
}
