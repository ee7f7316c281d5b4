import pino from 'pino';
import { createVirtualClock, type VirtualClock } from '../../src/core/virtualClock.js';
import { createEngine, type Engine, type EngineOptions } from '../../src/engine/createEngine.js';
import type { Recordings } from '../../src/recordings/recordingStore.js';
import { assignJobs } from '../../src/service/assignJobs.js';
import { createScript } from '../../src/service/catalog/createScript.js';
import { publishScript } from '../../src/service/catalog/publishScript.js';
import { createInstance } from '../../src/service/createInstance.js';
import { createJobGroup, type JobGroupInput } from '../../src/service/createJobGroup.js';
import { createLineGroup } from '../../src/service/createLineGroup.js';
import type { ServiceDeps } from '../../src/service/deps.js';
import type { Store } from '../../src/store/openStore.js';
import { createSimTelephony, type SimTelephonyOptions } from '../../src/telephony/sim/createSimTelephony.js';

export const silentLog = pino({ level: 'silent' });

let seq = 0;
export const testIds = () => {
  const prefix = `t${Date.now().toString(36)}${(seq++).toString(36)}`;
  let n = 0;
  return () => `${prefix}-${(n++).toString(36).padStart(6, '0')}`;
};

export interface CampaignSetup {
  clock: VirtualClock;
  deps: ServiceDeps;
  instanceId: string;
  lineGroupIds: string[];
  jobGroupId: string;
  jobIds: string[];
  engine: Engine;
  telephony: ReturnType<typeof createSimTelephony>;
}

/** A job group of `phones.length` jobs on `lineGroups` line groups, an engine on a virtual clock and a simulator. */
export async function setUpCampaign(
  store: Store,
  o: {
    start: number;
    phones: string[];
    lineGroups?: { callingNumbers: string[]; lineCapacity?: number; callsPerSecond?: number }[];
    group?: Partial<JobGroupInput>;
    sim?: Partial<SimTelephonyOptions>;
    engine?: Partial<EngineOptions>;
    jobStrategy?: unknown;
    /** A script (YAML or JSON text) created, published and run by the group's robot. */
    script?: string;
    /** Extras of the i-th job (the script's variables). */
    extras?: (i: number) => { key: string; value: string }[];
    /** Where the engine keeps answered calls' recordings (none are made without it). */
    recordings?: Recordings;
  },
): Promise<CampaignSetup> {
  const clock = createVirtualClock(o.start);
  const deps: ServiceDeps = {
    db: store.db,
    caps: store.caps,
    clock,
    newId: testIds(),
    defaultCountry: 'CN',
    defaultTimeZone: 'Asia/Shanghai',
  };
  const instance = await createInstance(deps, { name: 'test' });
  const lineGroupIds: string[] = [];
  for (const [i, lg] of (
    o.lineGroups ?? [{ callingNumbers: ['02100000001', '02100000002'], lineCapacity: 5 }]
  ).entries()) {
    lineGroupIds.push((await createLineGroup(deps, { instanceId: instance.id, name: `lines ${i}`, ...lg })).id);
  }
  let scriptId: string | undefined;
  if (o.script !== undefined) {
    scriptId = (await createScript(deps, { instanceId: instance.id, source: o.script })).id;
    await publishScript(deps, instance.id, scriptId);
  }
  const group = await createJobGroup(deps, {
    instanceId: instance.id,
    name: 'campaign',
    lineGroupIds,
    ...(scriptId ? { scriptId } : {}),
    ...o.group,
  });
  const { jobIds } = await assignJobs(deps, {
    jobGroupId: group.id,
    jobs: o.phones.map((phoneNumber, i) => ({
      contacts: [{ phoneNumber, referenceId: `ref-${i}` }],
      ...(o.extras ? { extras: o.extras(i) } : {}),
    })),
    strategy: o.jobStrategy,
  });
  const telephony = createSimTelephony({ clock, seed: 7, profile: 'default', ...o.sim });
  const engine = createEngine({
    db: store.db,
    caps: store.caps,
    clock,
    telephony,
    log: silentLog,
    newId: testIds(),
    options: { pollMs: 60_000, sweepMs: 600_000, ...o.engine },
    ...(o.recordings ? { recordings: o.recordings } : {}),
  });
  return { clock, deps, instanceId: instance.id, lineGroupIds, jobGroupId: group.id, jobIds, engine, telephony };
}
