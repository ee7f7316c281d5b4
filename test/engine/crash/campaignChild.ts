/**
 * The crash test's child process: `node --import tsx campaignChild.ts <sqlite file> [downtime ms]`.
 *
 * On an empty file it creates the campaign of crashCampaign.ts and runs it from START on a virtual clock.
 * On a file that already holds it (the previous child was SIGKILLed) it resumes the virtual clock at the
 * latest instant the store recorded plus the downtime (default DOWNTIME_MS, longer than a lease), so the
 * engine's first pass finds the dead engine's calls with expired leases and must close them itself. A
 * shorter downtime makes it find them still leased: the sweeper must then wait for the leases to run out.
 *
 * Prints, one line each (the parent reads them):
 *   `lease <taskId> <leaseUntil>`                                  per task left Executing, before `ready`;
 *   `ready <resumedAt> <executingTasks> <tasks> <fresh|resumed>`  before the engine starts;
 *   `progress <virtualNow> <callsInFlight>`                        at most every 5 virtual seconds;
 *   `done <virtualNow>`                                            when the group is Completed (exit 0).
 * A failed scheduling pass, or a campaign that cannot complete, ends it with a non-zero exit and a
 * line on stderr.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { DAY } from '../../../src/core/clock.js';
import { TaskStatus } from '../../../src/core/enums.js';
import { createVirtualClock } from '../../../src/core/virtualClock.js';
import { createEngine } from '../../../src/engine/createEngine.js';
import { runVirtualCampaign } from '../../../src/engine/runVirtualCampaign.js';
import { assignJobs } from '../../../src/service/assignJobs.js';
import { createInstance } from '../../../src/service/createInstance.js';
import { createJobGroup } from '../../../src/service/createJobGroup.js';
import { createLineGroup } from '../../../src/service/createLineGroup.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { openStore } from '../../../src/store/openStore.js';
import { createSimTelephony } from '../../../src/telephony/sim/createSimTelephony.js';
import {
  DOWNTIME_MS,
  END,
  ENGINE_OPTIONS,
  LEASE_MS,
  phoneNumbers,
  RECALL,
  SIM_RULES,
  SIM_SEED,
  START,
  STRATEGY,
  ZONE,
} from './crashCampaign.js';

/** Wall-clock pause per progress line with calls in flight: stretches the run so kills land mid-work. */
const PAUSE_MS = Number(process.env.OUTDIAL_CRASH_CHILD_PAUSE_MS ?? 2);

const out = (line: string) => process.stdout.write(`${line}\n`);
const fail = (message: string, code: number): never => {
  process.stderr.write(`campaignChild: ${message}\n`);
  process.exit(code);
};

const file = process.argv[2];
const downtimeMs = Number(process.argv[3] ?? DOWNTIME_MS);
if (!file || !(downtimeMs >= 0)) fail('usage: campaignChild.ts <sqlite file> [downtime ms]', 64);
const store = await openStore({ database: file as string });
const { db } = store;

const existing = await db.selectFrom('job_group').select(['id', 'status']).execute();
let jobGroupId: string;
let resumeAt: number;
let fresh = false;
if (existing.length === 0) {
  fresh = true;
  resumeAt = START;
  jobGroupId = await createCampaign();
} else {
  jobGroupId = (existing[0] as { id: string }).id;
  const jobs = await db
    .selectFrom('job')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(jobs.n) === 0) fail('the store holds a job group without jobs: a setup was interrupted', 65);
  resumeAt = await resumeInstant();
}

const executing = await db
  .selectFrom('task')
  .select(['id', 'lease_until'])
  .where('status', '=', TaskStatus.Executing)
  .execute();
for (const t of executing) out(`lease ${t.id} ${t.lease_until}`);
const tasks = await db
  .selectFrom('task')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
out(`ready ${resumeAt} ${executing.length} ${Number(tasks.n)} ${fresh ? 'fresh' : 'resumed'}`);

const status = (existing[0] as { status: string } | undefined)?.status;
if (status === 'Completed') {
  out(`done ${resumeAt}`);
  await store.close();
  process.exit(0);
}

const clock = createVirtualClock(resumeAt);
const telephony = createSimTelephony({ clock, seed: SIM_SEED, profile: 'default', rules: SIM_RULES });
const engine = createEngine({
  db,
  caps: store.caps,
  clock,
  telephony,
  log: pino({ level: 'silent' }),
  options: ENGINE_OPTIONS,
});
engine.events.on('engine:tick:error', ({ error }) => {
  fail(`a scheduling pass failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 70);
});
let completed = false;
engine.events.on('engine:group:completed', (e) => {
  if (e.jobGroupId === jobGroupId) completed = true;
});

const run = await runVirtualCampaign({
  engine,
  clock,
  isDone: () => completed,
  until: END + 2 * DAY,
  progressEveryMs: 5_000,
  async onProgress(now) {
    const inFlight = engine.inFlight();
    out(`progress ${now} ${inFlight}`);
    if (inFlight > 0 && PAUSE_MS > 0) await sleep(PAUSE_MS);
  },
});
if (!run.finished) {
  const open = await db
    .selectFrom('job')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const group = await db.selectFrom('job_group').select(['status']).executeTakeFirst();
  fail(
    `the campaign did not complete by ${new Date(run.endedAt).toISOString()}: group ${group?.status}, jobs by status ${JSON.stringify(open)}`,
    71,
  );
}
out(`done ${run.endedAt}`);
await store.close();
process.exit(0);

/** The campaign, created deterministically (fixed ids, fixed instant) on a fresh file. */
async function createCampaign(): Promise<string> {
  let n = 0;
  const deps: ServiceDeps = {
    db,
    caps: store.caps,
    clock: createVirtualClock(START),
    newId: () => `crash-${(n++).toString().padStart(6, '0')}`,
    defaultCountry: 'CN',
    defaultTimeZone: ZONE,
  };
  const instance = await createInstance(deps, { name: 'crash test' });
  const lines = [
    await createLineGroup(deps, {
      instanceId: instance.id,
      name: 'main trunk',
      callingNumbers: ['02100000001', '02100000002'],
      lineCapacity: 3,
    }),
    await createLineGroup(deps, {
      instanceId: instance.id,
      name: 'backup trunk',
      callingNumbers: ['02100000003'],
      lineCapacity: 2,
    }),
  ];
  const group = await createJobGroup(deps, {
    instanceId: instance.id,
    name: 'crash campaign',
    lineGroupIds: lines.map((l) => l.id),
    strategy: STRATEGY,
    recallStrategy: RECALL,
    timeZone: ZONE,
  });
  await assignJobs(deps, {
    jobGroupId: group.id,
    jobs: phoneNumbers().map((phoneNumber, i) => ({ contacts: [{ phoneNumber, referenceId: `ref-${i}` }] })),
  });
  return group.id;
}

/**
 * Where the virtual clock resumes after a kill: the latest instant the store recorded (a call placed or
 * ended, a job moved, a lease renewed) plus the downtime, as if the process stayed down that long.
 */
async function resumeInstant(): Promise<number> {
  const t = await db
    .selectFrom('task')
    .select((eb) => [
      eb.fn.max('actual_time').as('actual'),
      eb.fn.max('end_time').as('ended'),
      eb.fn.max('lease_until').as('lease'),
    ])
    .executeTakeFirstOrThrow();
  const j = await db
    .selectFrom('job')
    .select((eb) => eb.fn.max('updated_at').as('updated'))
    .executeTakeFirstOrThrow();
  const g = await db
    .selectFrom('job_group')
    .select((eb) => eb.fn.max('modified_at').as('modified'))
    .executeTakeFirstOrThrow();
  const latest = Math.max(
    START,
    Number(t.actual ?? 0),
    Number(t.ended ?? 0),
    Number(j.updated ?? 0),
    Number(g.modified ?? 0),
    // A lease renewal records no instant of its own but this one.
    Number(t.lease ?? 0) - LEASE_MS,
  );
  return latest + downtimeMs;
}
