import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CountryCode } from 'libphonenumber-js';
import type { Logger } from 'pino';
import { DAY, MINUTE } from '../../core/clock.js';
import { isTerminalJobStatus, type JobStatus } from '../../core/enums.js';
import { createVirtualClock } from '../../core/virtualClock.js';
import { createEngine } from '../../engine/createEngine.js';
import { runVirtualCampaign } from '../../engine/runVirtualCampaign.js';
import { compileScript } from '../../robot/compileScript.js';
import { parseScript } from '../../robot/index.js';
import { assignJobs } from '../../service/assignJobs.js';
import { createScript } from '../../service/catalog/createScript.js';
import { publishScript } from '../../service/catalog/publishScript.js';
import { createInstance } from '../../service/createInstance.js';
import { createJobGroup } from '../../service/createJobGroup.js';
import { createLineGroup } from '../../service/createLineGroup.js';
import type { ServiceDeps } from '../../service/deps.js';
import { openStore } from '../../store/openStore.js';
import { campaignSummary } from '../../store/reports/campaignSummary.js';
import { uuidv7 } from '../../store/uuidv7.js';
import { createSimTelephony } from '../../telephony/sim/createSimTelephony.js';
import type { SimProfileName } from '../../telephony/sim/simProfiles.js';
import type { Config } from '../config.js';
import { createProgressBar } from '../render/progressBar.js';
import { demoCampaign, nextMonday8am } from './demoCampaign.js';
import { demoRobotSummary } from './demoRobotSummary.js';
import { readDemoScript } from './demoScript.js';
import { formatLocal, renderDemoSummary } from './renderDemoSummary.js';

export interface DemoOptions {
  contacts: number;
  seed: number;
  profile: SimProfileName;
}

/**
 * A week of calling in seconds: the real store, engine and scheduler, simulated lines, a virtual
 * clock, and the voice robot (an example script, created and published like any other) on every
 * answered call. Prints a live progress bar to stderr and the closing summary to stdout.
 */
export async function runDemo(config: Config, options: DemoOptions, log: Logger): Promise<void> {
  const wallStart = Date.now();
  const demoScript = await readDemoScript();
  const parsed = parseScript(demoScript.source, { fileName: demoScript.path });
  if (!parsed.ok) throw new Error(`${demoScript.path} is not a valid script: ${parsed.errors[0]?.message ?? ''}`);
  const levelLabels = compileScript(parsed.script).grading.labels;
  const zone = config.OUTDIAL_TIME_ZONE;
  const postgres = config.OUTDIAL_DATABASE_URL?.startsWith('postgres') === true;
  const sqlitePath = resolve(join(config.OUTDIAL_DATA_DIR, 'demo.sqlite'));
  if (!postgres) for (const f of [sqlitePath, `${sqlitePath}-wal`, `${sqlitePath}-shm`]) rmSync(f, { force: true });
  const store = await openStore(
    postgres
      ? { database: config.OUTDIAL_DATABASE_URL as string, schema: `outdial_demo_${Date.now().toString(36)}` }
      : { database: sqlitePath },
  );
  try {
    const start = nextMonday8am(Date.now(), zone);
    const clock = createVirtualClock(start);
    const deps: ServiceDeps = {
      db: store.db,
      caps: store.caps,
      clock,
      newId: () => uuidv7(),
      defaultCountry: config.OUTDIAL_DEFAULT_COUNTRY as CountryCode,
      defaultTimeZone: zone,
    };
    const campaign = demoCampaign({ contacts: options.contacts, seed: options.seed, start, zone });
    const instance = await createInstance(deps, { name: 'Demo' });
    const script = await createScript(deps, { instanceId: instance.id, source: demoScript.source });
    await publishScript(deps, instance.id, script.id);
    const lineGroups = [];
    for (const lg of campaign.lineGroups)
      lineGroups.push(await createLineGroup(deps, { instanceId: instance.id, ...lg }));
    const group = await createJobGroup(deps, {
      instanceId: instance.id,
      name: 'Payment reminders (demo)',
      strategy: campaign.strategy,
      recallStrategy: campaign.recallStrategy,
      lineGroupIds: lineGroups.map((g) => g.id),
      scriptId: script.id,
      ringingDuration: 25,
      timeZone: zone,
    });
    for (let i = 0; i < campaign.jobs.length; i += 500) {
      await assignJobs(deps, { jobGroupId: group.id, jobs: campaign.jobs.slice(i, i + 500) });
    }

    const telephony = createSimTelephony({
      clock,
      seed: options.seed,
      profile: options.profile,
      lineFailures: [{ lineId: lineGroups[0]?.lines[0]?.id, ...campaign.outage }],
    });
    const engine = createEngine({
      db: store.db,
      caps: store.caps,
      clock,
      telephony,
      log,
      options: { pollMs: 10 * MINUTE, sweepMs: 10 * MINUTE },
    });
    let finishedJobs = 0;
    let completed = false;
    engine.events.on('engine:job:finished', () => finishedJobs++);
    engine.events.on('engine:group:completed', (e) => {
      if (e.jobGroupId === group.id) completed = true;
    });
    const bar = createProgressBar(process.stderr);
    const draw = () => {
      const s = telephony.stats();
      bar.update(
        finishedJobs,
        campaign.jobs.length,
        `${formatLocal(clock.now(), zone)} · ${engine.inFlight()} on the line · ${s.answered} answered`,
      );
    };
    process.stderr.write(
      `Outdial demo: ${campaign.jobs.length} contacts, ${lineGroups.reduce((n, g) => n + g.capacity, 0)} lines, ` +
        `profile '${options.profile}', seed ${options.seed}, robot script '${script.name}', ` +
        `${formatLocal(start, zone)} → ${formatLocal(campaign.end, zone)}\n`,
    );
    const run = await runVirtualCampaign({
      engine,
      clock,
      isDone: () => completed,
      until: campaign.end + DAY,
      onProgress: draw,
      progressEveryMs: 5 * MINUTE,
    });
    const summary = await campaignSummary(store.db, group.id);
    const robot = await demoRobotSummary(store.db, group.id);
    finishedJobs = [...summary.jobsByStatus.entries()]
      .filter(([status]) => isTerminalJobStatus(status as JobStatus))
      .reduce((n, [, count]) => n + count, 0);
    draw();
    bar.finish();
    process.stdout.write(
      `${renderDemoSummary({
        summary,
        robot: { ...robot, scriptName: script.name, labels: levelLabels },
        jobs: campaign.jobs.length,
        zone,
        simulatedFrom: start,
        simulatedTo: run.endedAt,
        wallMs: Date.now() - wallStart,
        location: store.location,
        completed: run.finished,
      })}\n`,
    );
  } finally {
    await store.close();
  }
}
