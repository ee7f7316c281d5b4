import pino from 'pino';
import { DAY } from '../src/core/clock.js';
import { createEngine, type Engine, type EngineOptions } from '../src/engine/createEngine.js';
import { runVirtualCampaign } from '../src/engine/runVirtualCampaign.js';
import { assignJobs } from '../src/service/assignJobs.js';
import type { Store } from '../src/store/openStore.js';
import { createSimTelephony, type SimTelephony } from '../src/telephony/sim/createSimTelephony.js';
import type { SimProfileName } from '../src/telephony/sim/simProfiles.js';
import { type BenchCampaign, jobJson, setUpBenchCampaign } from './jobsData.js';

export const silentLog = pino({ level: 'silent' });

export interface EngineCampaign extends BenchCampaign {
  engine: Engine;
  telephony: SimTelephony;
  jobs: number;
}

/** A campaign of `jobs` jobs, all due now, on `lines` lines, with the real engine and the simulator. */
export async function setUpEngineCampaign(
  store: Store,
  o: {
    jobs: number;
    lines: number;
    profile: SimProfileName;
    engine?: Partial<EngineOptions>;
    /** The engine's own database handle, when it is not `store.db` (a timed one, say). */
    engineDb?: Pick<Store, 'db' | 'caps'>;
  },
): Promise<EngineCampaign> {
  const c = await setUpBenchCampaign(store, { lines: o.lines });
  await assignAll(c, o.jobs);
  const telephony = createSimTelephony({ clock: c.clock, seed: 7, profile: o.profile });
  const engine = createEngine({
    db: (o.engineDb ?? store).db,
    caps: (o.engineDb ?? store).caps,
    clock: c.clock,
    telephony,
    log: silentLog,
    ...(o.engine ? { options: o.engine } : {}),
  });
  return { ...c, engine, telephony, jobs: o.jobs };
}

/** Assigns jobs 0…n-1 through the service, 5,000 per call (setup, not measured). */
export async function assignAll(c: BenchCampaign, n: number): Promise<void> {
  for (let from = 0; from < n; from += 5000) {
    const jobs: unknown[] = [];
    for (let i = from; i < Math.min(n, from + 5000); i++) jobs.push(jobJson(i));
    await assignJobs(c.deps, { jobGroupId: c.jobGroupId, jobs });
  }
}

/** Runs the engine on its virtual clock until every job's one attempt has ended and been recorded. */
export async function runUntilAllEnded(c: EngineCampaign): Promise<{ finished: boolean; endedAt: number }> {
  let ended = 0;
  const off = c.engine.events.on('engine:call:ended', () => {
    ended++;
  });
  try {
    return await runVirtualCampaign({
      engine: c.engine,
      clock: c.clock,
      isDone: () => ended >= c.jobs,
      until: c.clock.now() + 7 * DAY,
    });
  } finally {
    off();
  }
}
