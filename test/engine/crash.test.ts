import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../src/core/clock.js';
import { FailureReason, JobStatus, TaskStatus } from '../../src/core/enums.js';
import { createSeededRandom } from '../../src/core/random.js';
import { createVirtualClock } from '../../src/core/virtualClock.js';
import { createEngine } from '../../src/engine/createEngine.js';
import { runVirtualCampaign } from '../../src/engine/runVirtualCampaign.js';
import { getJobGroup } from '../../src/store/jobGroups/getJobGroup.js';
import { openStore } from '../../src/store/openStore.js';
import { LOST_LEASE_CAUSE } from '../../src/store/tasks/closeExpiredTasks.js';
import { createSimTelephony } from '../../src/telephony/sim/createSimTelephony.js';
import { setUpCampaign, silentLog } from '../support/campaign.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/testStore.js';
import { checkStore } from './crash/checkStore.js';
import { DOWNTIME_MS, LEASE_MS, START, ZONE } from './crash/crashCampaign.js';
import { type ChildRun, type KillPlan, killLiveChildren, runChild } from './crash/runChild.js';

/**
 * Crash safety, end to end: a child process runs a week-long campaign on a virtual clock over a SQLite
 * file; the test SIGKILLs it at random moments while it works, restarts it (the child resumes the virtual
 * clock, mostly more than a lease, sometimes less, after the last instant the store recorded), and finally
 * lets it finish. The store must then show every job finished, every attempt recorded once and closed with
 * an outcome, the strategy respected across the crashes, and each call in flight at a kill closed by the
 * lease sweeper (Terminated, ENGINE_LOST) once its lease ran out, and its job rescheduled.
 *
 * OUTDIAL_CRASH_SEED replays a kill schedule (where exactly a kill lands still depends on wall-clock timing).
 */
const SEED = Number(process.env.OUTDIAL_CRASH_SEED ?? 20_260_105);
/** Kills planned; at least MIN_KILLS must land before the campaign completes. */
const KILLS = 7;
const MIN_KILLS = 5;
const CHILD_TIMEOUT_MS = 60_000;
/** Friday 09:00: the never-answering jobs still dial then, so a kill aimed up to here always finds calls. */
const LAST_TARGET = START + 4 * DAY + HOUR;

const local = (t: number | null | undefined) =>
  t == null ? '-' : DateTime.fromMillis(t, { zone: ZONE }).toFormat('ccc HH:mm:ss');
const describePlan = (p: KillPlan) =>
  p.kind === 'wall'
    ? `${p.afterMs} ms after start`
    : p.kind === 'busy'
      ? `${p.thenMs} ms after calls in flight from ${local(p.notBefore)}`
      : p.kind === 'lines'
        ? `${p.thenMs} ms after ${p.busyLines} progress lines with calls in flight`
        : 'none';

describe('crash safety: SIGKILL at random instants', () => {
  const file = join(tmpdir(), `outdial-crash-${process.pid}-${Date.now()}.db`);
  afterAll(() => {
    killLiveChildren();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
  });

  it('loses no job, dials no attempt twice, and closes and reschedules the calls a crash cut off', async () => {
    const random = createSeededRandom(SEED);
    const log = (s: string) => console.log(`[crash seed=${SEED}] ${s}`);
    const failRun = (run: ChildRun, what: string): never => {
      throw new Error(`${what} (exit ${run.code}, signal ${run.signal}); child stderr:\n${run.stderr}`);
    };
    // Virtual instants spread over the week, one in each KILLS-th of it (so that kills keep landing before the
    // campaign ends): a 'busy' kill lands just after the first calls in flight from its round's instant.
    const span = LAST_TARGET - START - HOUR;
    const targets = Array.from({ length: KILLS }, (_, i) => START + HOUR + ((i + random.next()) * span) / KILLS);

    const runs: ChildRun[] = [];
    let finished = false;
    for (let round = 0; round < KILLS && !finished; round++) {
      // A random wall-clock instant; just after the first calls in flight from a random virtual instant of
      // the week; or just after a random number of progress lines with calls in flight.
      const mode = random.next();
      const thenMs = Math.floor(random.next() * 4);
      const plan: KillPlan =
        mode < 0.35
          ? { kind: 'wall', afterMs: 100 + Math.floor(random.next() * 1400) }
          : mode < 0.7
            ? { kind: 'busy', notBefore: targets[round] as number, thenMs }
            : { kind: 'lines', busyLines: 1 + Math.floor(random.next() * 40), thenMs };
      // Mostly down longer than a lease (the sweeper closes the dead engine's calls at once), sometimes shorter
      // (it must leave them until their leases run out).
      const downtime = random.next() < 0.75 ? DOWNTIME_MS : 5_000 + Math.floor(random.next() * (LEASE_MS - 10_000));
      const run = await runChild(file, plan, downtime, CHILD_TIMEOUT_MS);
      runs.push(run);
      log(
        `run ${round + 1}: down ${downtime / 1000} s, resumed ${local(run.ready?.at)} with ${run.ready?.executing} calls left in flight, ${run.ready?.tasks} tasks; kill ${describePlan(plan)} → ${run.signal ?? `exit ${run.code}`} ${run.killedAfterMs ?? '-'} ms after start, at virtual ${local(run.lastVirtual)} (${run.wallMs} ms wall)`,
      );
      if (run.ready === null) failRun(run, `run ${round + 1} never became ready`);
      if (run.signal === 'SIGKILL' && !run.killSent)
        failRun(run, `run ${round + 1} died of a SIGKILL the test did not send`);
      if (run.signal !== 'SIGKILL') {
        if (!(run.code === 0 && run.done)) failRun(run, `run ${round + 1} ended on its own`);
        finished = true;
      }
    }
    const kills = runs.filter((r) => r.signal === 'SIGKILL').length;
    // A final run that cannot complete still leaves a store worth checking: its violations say why.
    let finalFailure: string | null = null;
    if (!finished) {
      const run = await runChild(file, { kind: 'none' }, DOWNTIME_MS, CHILD_TIMEOUT_MS);
      runs.push(run);
      log(
        `final run: resumed ${local(run.ready?.at)} with ${run.ready?.executing} calls left in flight, ${run.ready?.tasks} tasks; ${run.done ? 'done' : `exit ${run.code}`} at virtual ${local(run.lastVirtual)} (${run.wallMs} ms wall)`,
      );
      if (!(run.code === 0 && run.done)) {
        finalFailure = `the final run did not complete the campaign (exit ${run.code}, signal ${run.signal}): ${run.stderr.trim()}`;
      }
    }

    const store = await openStore({ database: file });
    try {
      const leases = new Map<string, number>();
      for (const r of runs) for (const [id, until] of r.leases) leases.set(id, until);
      const f = await checkStore(store.db, leases);
      const count = (s: number) => f.jobs.filter((j) => j.status === s).length;
      log(
        `${kills} kills; store: ${f.jobs.length} jobs (${count(JobStatus.Succeeded)} succeeded, ${count(JobStatus.Failed)} failed), ${f.tasks.length} tasks (${f.tasks.filter((t) => t.status === TaskStatus.Succeeded).length} answered), ${f.lost.length} closed by the sweeper (${f.lostThenRetried} dialled again, ${f.lostThenFailed} failed by the strategy)`,
      );
      expect(f.violations.slice(0, 30), `${f.violations.length} violations (seed ${SEED})`).toEqual([]);
      expect(finalFailure).toBeNull();
      expect(kills, `only ${kills} kills landed before the campaign completed`).toBeGreaterThanOrEqual(MIN_KILLS);
      // Every call a kill left Executing (as a later run found it) was closed by the sweeper, and nothing else was.
      expect(f.lost.length, 'calls closed by the sweeper vs calls left in flight by the kills').toBe(leases.size);
      expect(f.lost.length, 'no kill landed while calls were in flight').toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 120_000);
});

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: a restart after the group's end`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(dialect);
    });
    afterEach(() => t.drop());

    it('closes the calls the crash cut off, fails their jobs TimeUp, and completes the group', async () => {
      const start = Date.UTC(2026, 0, 5, 1, 0, 0); // Monday 09:00 in Shanghai
      const end = start + 30 * MINUTE;
      const leaseMs = 60_000;
      const c = await setUpCampaign(t, {
        start,
        phones: ['13800000001', '13800000002', '13800000003'],
        group: {
          timeZone: 'Asia/Shanghai',
          strategy: { maxAttemptsPerDay: 3, minAttemptInterval: 10, RepeatBy: 'once', startTime: start, endTime: end },
        },
        sim: { rules: [{ pattern: '+86138*', outcomes: ['NoAnswer'] }] },
        engine: { leaseMs, sweepMs: 30_000 },
      });
      // The first engine places its calls and dies: its clock never moves again, so it records nothing.
      c.engine.start();
      await c.engine.whenIdle();
      expect(c.engine.inFlight()).toBe(3);

      // A new process comes up after the group's end, more than a lease later.
      const restartAt = end + leaseMs + 1_000;
      const clock = createVirtualClock(restartAt);
      const engine = createEngine({
        db: t.db,
        caps: t.caps,
        clock,
        telephony: createSimTelephony({ clock, seed: 7, profile: 'default' }),
        log: silentLog,
        options: { leaseMs, sweepMs: 30_000, pollMs: 60_000 },
      });
      let completed = false;
      engine.events.on('engine:group:completed', (e) => {
        if (e.jobGroupId === c.jobGroupId) completed = true;
      });
      const run = await runVirtualCampaign({ engine, clock, isDone: () => completed, until: restartAt + HOUR });

      const tasks = await t.db.selectFrom('task').selectAll().execute();
      expect(tasks).toHaveLength(3);
      for (const task of tasks) {
        expect(task).toMatchObject({
          status: TaskStatus.Terminated,
          hangup_cause: LOST_LEASE_CAUSE,
          end_time: restartAt,
        });
      }
      const jobs = await t.db.selectFrom('job').selectAll().execute();
      for (const job of jobs) {
        expect(job).toMatchObject({ status: JobStatus.Failed, failure_reason: FailureReason.TimeUp, attempts: 1 });
      }
      // Before the fix the group stayed Executing for ever: completion was only checked while its calendar was open.
      expect(run.finished, 'the group never completed').toBe(true);
      const group = await getJobGroup(t.db, c.jobGroupId);
      expect(group).toMatchObject({ status: 'Completed', finishedAt: restartAt });
    });
  });
}
