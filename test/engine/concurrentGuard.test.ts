import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, MINUTE } from '../../src/core/clock.js';
import { calleeZone } from '../../src/core/policy/calleeZone.js';
import type { PolicySettings } from '../../src/core/policy/types.js';
import { createEngine } from '../../src/engine/createEngine.js';
import { runVirtualCampaign } from '../../src/engine/runVirtualCampaign.js';
import { assignJobs } from '../../src/service/assignJobs.js';
import { createJobGroup } from '../../src/service/createJobGroup.js';
import { putPolicy } from '../../src/service/policy/putPolicy.js';
import type { Store } from '../../src/store/openStore.js';
import { lockNumbers } from '../../src/store/policy/lockNumbers.js';
import { numberFacts } from '../../src/store/policy/numberFacts.js';
import { recordDials } from '../../src/store/policy/recordDials.js';
import type { Db } from '../../src/store/schema.js';
import { createSimTelephony } from '../../src/telephony/sim/createSimTelephony.js';
import { setUpCampaign, silentLog, testIds } from '../support/campaign.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/testStore.js';
import { runVirtualEngines } from '../support/virtualEngines.js';

const MONDAY_9AM = DateTime.fromISO('2026-01-05T09:00:00', { zone: 'Asia/Shanghai' }).toMillis();
const SHANGHAI = 'Asia/Shanghai';
const STRATEGY = { maxAttempts: 3, maxAttemptsPerDay: 3, minAttemptInterval: 20 };
/** Deferred jobs wake their engine when due; polling hourly, not every minute, keeps 3 virtual days short. */
const ENGINE = { pollMs: 3_600_000, sweepMs: 3_600_000 };

const phones = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

type PerNumber = NonNullable<PolicySettings['perNumber']>;

/**
 * Every per-number limit one dial broke, counted over the instance's tasks: at each dial, the dials of its
 * number in the closed window ending there (or on its calendar day in `zone`), itself included.
 */
function brokenLimits(tasks: { called_number: string; actual_time: number | null }[], limits: PerNumber, zone: string) {
  const byNumber = new Map<string, number[]>();
  for (const t of tasks) byNumber.set(t.called_number, [...(byNumber.get(t.called_number) ?? []), t.actual_time ?? 0]);
  const rolling: [string, number | undefined, number][] = [
    ['per24h', limits.per24h, DAY],
    ['per7Days', limits.per7Days, 7 * DAY],
    ['burst', limits.burst?.count, (limits.burst?.minutes ?? 0) * MINUTE],
  ];
  const broken: string[] = [];
  for (const [number, dials] of byNumber) {
    dials.sort((a, b) => a - b);
    for (const at of dials) {
      const when = `${number} at ${new Date(at).toISOString()}`;
      for (const [rule, limit, span] of rolling) {
        if (limit === undefined) continue;
        const n = dials.filter((d) => d <= at && at - d <= span).length;
        if (n > limit) broken.push(`${rule}: ${n} dials to ${when}`);
      }
      if (limits.perLocalDay !== undefined) {
        const day = DateTime.fromMillis(at, { zone }).toISODate();
        const n = dials.filter((d) => d <= at && DateTime.fromMillis(d, { zone }).toISODate() === day).length;
        if (n > limits.perLocalDay) broken.push(`perLocalDay: ${n} dials to ${when}`);
      }
    }
  }
  return broken;
}

async function dialsAndRefusals(store: Store) {
  const tasks = await store.db.selectFrom('task').select(['called_number', 'actual_time']).execute();
  const deferred = await store.db
    .selectFrom('policy_refusal')
    .select('id')
    .where('reason', '=', 'PerDayCallCountLimit')
    .execute();
  return { tasks, deferred: deferred.length };
}

const LIMITS: { name: string; perNumber: PerNumber }[] = [
  { name: 'per24h 1', perNumber: { per24h: 1 } },
  { name: 'burst 2 per 60 min', perNumber: { burst: { count: 2, minutes: 60 } } },
  { name: 'perLocalDay 1', perNumber: { perLocalDay: 1 } },
];

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: per-number limits hold within one claim batch`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(dialect);
    });
    afterEach(() => t.drop());

    for (const { name, perNumber } of LIMITS) {
      it(`${name}: jobs of one group sharing a number are not all dialled at once`, async () => {
        // 5 numbers × 4 jobs, interleaved, so that every claim of 10 (the lines' room) holds each number twice.
        const numbers = phones(5, '1396666');
        const c = await setUpCampaign(t, {
          start: MONDAY_9AM,
          phones: [...numbers, ...numbers, ...numbers, ...numbers],
          group: { strategy: STRATEGY },
          engine: ENGINE,
        });
        await putPolicy(c.deps, c.instanceId, { presets: [], perNumber });
        await runVirtualCampaign({
          engine: c.engine,
          clock: c.clock,
          isDone: () => false,
          until: MONDAY_9AM + 3 * DAY,
        });

        const { tasks, deferred } = await dialsAndRefusals(t);
        expect(tasks.length).toBeGreaterThanOrEqual(numbers.length);
        expect(deferred).toBeGreaterThan(0);
        expect(brokenLimits(tasks, perNumber, SHANGHAI)).toEqual([]);
      }, 30_000);
    }
  });

  describe(`${dialect}: per-number limits hold across two engines on one store`, () => {
    let first: TestStore;
    let second: Store;
    beforeEach(async () => {
      first = await openTestStore(dialect);
      // Two processes on PostgreSQL: their own pools on one schema. SQLite's one connection serialises them.
      second =
        dialect === 'postgres'
          ? await openTestStore('postgres', { schema: first.schema as string, migrate: false })
          : first;
    });
    afterEach(async () => {
      if (second !== first) await second.close();
      await first.drop();
    });

    // SQLite needs no lock: a claim transaction writes first, so it holds the only write lock before it reads.
    it.runIf(dialect === 'postgres')(
      'a batch locking a number another holds waits for its commit, then reads the dials it committed',
      async () => {
        const instanceId = `i-${randomUUID()}`;
        const number = '+8613977770099';
        const recentDials = async (db: Kysely<Db>) =>
          (await numberFacts(db, instanceId, [{ jobId: 'b', number }], MONDAY_9AM)).get('b')?.recentDials.length;
        let commitFirst = () => {};
        const firstMayCommit = new Promise<void>((r) => {
          commitFirst = r;
        });
        let firstHolds = () => {};
        const held = new Promise<void>((r) => {
          firstHolds = r;
        });
        const firstDone = first.db.transaction().execute(async (trx) => {
          await lockNumbers(trx, first.caps, instanceId, [number, '+8613977770098']);
          await recordDials(trx, [{ instanceId, number, at: MONDAY_9AM, jobId: 'a' }]);
          firstHolds();
          await firstMayCommit;
        });
        await held;
        const seen: (number | undefined)[] = [];
        let pid = 0;
        const secondDone = second.db.transaction().execute(async (trx) => {
          pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]?.pid ?? 0;
          seen.push(await recentDials(trx));
          await lockNumbers(trx, second.caps, instanceId, ['+8613977770097', number]);
          seen.push(await recentDials(trx));
        });
        let secondEnded = false;
        void secondDone.finally(() => {
          secondEnded = true;
        });
        // The second transaction waits for the first's lock (or, were there none, runs to its end).
        while (!secondEnded) {
          const waiting =
            await sql`select 1 from pg_locks where pid = ${pid} and locktype = 'advisory' and not granted`.execute(
              first.db,
            );
          if (waiting.rows.length > 0) break;
          await new Promise((r) => setImmediate(r));
        }
        const beforeCommit = [...seen];
        commitFirst();
        await Promise.all([firstDone, secondDone]);
        expect(beforeCommit).toEqual([0]);
        // READ COMMITTED: the statement after the wait sees the first transaction's dial.
        expect(seen).toEqual([0, 1]);
      },
    );

    for (const { name, perNumber } of LIMITS.slice(0, 2)) {
      it(`${name}: engines claiming different jobs with the same numbers at the same instants`, async () => {
        const numbers = phones(8, '1397777');
        // Each group dials the numbers in pairs of its own, each pair twice in a row ([a, b, a, b, c, d, c, d …]):
        // a claim of 2 (the calls per group and engine) never repeats a number, but when both engines claim
        // from one group at once, the second takes the first's numbers from the next two jobs.
        const groupPhones = (k: number) => {
          const order = [...numbers.slice(k), ...numbers.slice(0, k)];
          if (k % 2 === 1) order.reverse();
          return order.flatMap((n, i) => (i % 2 === 0 ? [n, order[i + 1] as string, n, order[i + 1] as string] : []));
        };
        const c = await setUpCampaign(first, {
          start: MONDAY_9AM,
          phones: groupPhones(0),
          lineGroups: [{ callingNumbers: ['02100000001', '02100000002', '02100000003'], lineCapacity: 3 }],
          group: { strategy: STRATEGY, concurrency: 2 },
          engine: ENGINE,
        });
        for (let k = 1; k < 4; k++) {
          const g = await createJobGroup(c.deps, {
            instanceId: c.instanceId,
            name: `group ${k}`,
            lineGroupIds: c.lineGroupIds,
            strategy: STRATEGY,
            concurrency: 2,
          });
          await assignJobs(c.deps, {
            jobGroupId: g.id,
            jobs: groupPhones(k).map((phoneNumber, i) => ({ contacts: [{ phoneNumber, referenceId: `g${k}-${i}` }] })),
          });
        }
        await putPolicy(c.deps, c.instanceId, { presets: [], perNumber });
        const other = createEngine({
          db: second.db,
          caps: second.caps,
          clock: c.clock,
          telephony: createSimTelephony({ clock: c.clock, seed: 8, profile: 'default' }),
          log: silentLog,
          newId: testIds(),
          options: ENGINE,
        });
        const started = new Map<string, number>();
        const errors: unknown[] = [];
        for (const engine of [c.engine, other]) {
          engine.events.on('engine:call:started', () =>
            started.set(engine.owner, (started.get(engine.owner) ?? 0) + 1),
          );
          engine.events.on('engine:tick:error', ({ error }) => errors.push(error));
        }
        await runVirtualEngines({ engines: [c.engine, other], clock: c.clock, until: MONDAY_9AM + 3 * DAY });

        const { tasks, deferred } = await dialsAndRefusals(first);
        expect(errors).toEqual([]);
        expect(started.size).toBe(2); // both engines dialled
        expect(deferred).toBeGreaterThan(0);
        expect(brokenLimits(tasks, perNumber, SHANGHAI)).toEqual([]);
      }, 60_000);
    }
  });
}

/** Instants near which clocks change, one side of the campaign's first days. */
const DST_CHANGES = [
  Date.parse('2026-03-08T07:00:00Z'), // US and Canada spring forward (St John's 02:00 NST → 03:00 NDT)
  Date.parse('2026-04-04T16:30:00Z'), // South Australia and NSW fall back (Adelaide 03:00 ACDT → 02:00 ACST)
  Date.parse('2026-10-03T16:30:00Z'), // South Australia and NSW spring forward
  Date.parse('2026-11-01T06:00:00Z'), // US and Canada fall back
];

/** Number prefixes (one digit short of a full number) with a zone of their country, for jobs that give it. */
const CALLEES = [
  { prefix: '+1212736000', zone: 'America/New_York' },
  { prefix: '+91981234560', zone: 'Asia/Kolkata' }, // +5:30
  { prefix: '+6188123000', zone: 'Australia/Adelaide' }, // +9:30, +10:30 in summer
  { prefix: '+1709722000', zone: 'America/St_Johns' }, // -3:30, -2:30 in summer
];

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: the base period holds in the callee's zones across clock changes`, () => {
    it('property: every dial starts inside the base period in each zone its number (or job) gives', async () => {
      let multiZoneDials = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            change: fc.constantFrom(...DST_CHANGES),
            leadHours: fc.integer({ min: 0, max: 36 }),
            begin: fc.integer({ min: 0, max: 22 }).map((n) => n * 30),
            length: fc.integer({ min: 6, max: 28 }).map((n) => n * 30),
            days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 7 }),
            seed: fc.integer({ min: 1, max: 1000 }),
          }),
          async (p) => {
            const start = p.change - p.leadHours * 3_600_000;
            const end = Math.min(p.begin + p.length, 23 * 60 + 30);
            const s = await openTestStore(dialect);
            try {
              // Per country, two jobs give their own zone and two leave it to the number.
              const jobs = CALLEES.flatMap((callee) =>
                [0, 1, 2, 3].map((j) => ({
                  contacts: [{ phoneNumber: `${callee.prefix}${j}`, referenceId: `${callee.prefix}${j}` }],
                  ...(j % 2 === 0 ? { timeZone: callee.zone } : {}),
                })),
              );
              const c = await setUpCampaign(s, {
                start,
                phones: [],
                sim: { seed: p.seed },
                group: { strategy: { maxAttempts: 4, maxAttemptsPerDay: 2, minAttemptInterval: 90 } },
                engine: ENGINE,
              });
              await assignJobs(c.deps, { jobGroupId: c.jobGroupId, jobs });
              await putPolicy(c.deps, c.instanceId, {
                presets: [],
                basePeriod: { days: p.days, windows: [{ begin: hhmm(p.begin), end: hhmm(end) }] },
              });
              c.engine.wake();
              await runVirtualCampaign({
                engine: c.engine,
                clock: c.clock,
                isDone: () => false,
                until: start + 4 * DAY,
              });

              const tasks = await s.db
                .selectFrom('task')
                .innerJoin('job', 'job.id', 'task.job_id')
                .select(['task.called_number', 'task.actual_time', 'job.time_zone'])
                .execute();
              for (const task of tasks) {
                const at = task.actual_time ?? 0;
                const zones = calleeZone(task.called_number, task.time_zone, SHANGHAI).zones;
                if (zones.length > 1) multiZoneDials++;
                for (const zone of zones) {
                  const local = DateTime.fromMillis(at, { zone });
                  const where = `${task.called_number} at ${local.toISO()} (${zone})`;
                  expect(p.days, where).toContain(local.weekday % 7);
                  const minute = local.hour * 60 + local.minute + (local.second * 1000 + local.millisecond) / 60_000;
                  expect(minute, where).toBeGreaterThanOrEqual(p.begin);
                  expect(minute, where).toBeLessThan(end);
                }
              }
            } finally {
              await s.drop();
            }
          },
        ),
        { numRuns: dialect === 'sqlite' ? 8 : 4, seed: 20260308 },
      );
      // The intersection of a country's zones was exercised, not only single zones.
      expect(multiZoneDials).toBeGreaterThan(0);
    }, 60_000);
  });
}
