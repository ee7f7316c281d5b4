import { createSeededRandom } from '../src/core/random.js';
import { createVirtualClock, type VirtualClock } from '../src/core/virtualClock.js';
import { createInstance } from '../src/service/createInstance.js';
import { createJobGroup, type JobGroupInput } from '../src/service/createJobGroup.js';
import { createLineGroup } from '../src/service/createLineGroup.js';
import type { ServiceDeps } from '../src/service/deps.js';
import type { Store } from '../src/store/openStore.js';

/** Monday 2026-01-05 09:00 in Shanghai: every bench starts at the same instant. */
export const BENCH_START = Date.UTC(2026, 0, 5, 1, 0, 0);

/** UUID-shaped ids from a seeded stream: the same seed gives the same ids, so two runs store the same values. */
export function seededIds(seed: number): () => string {
  const random = createSeededRandom(seed);
  const hex = () =>
    Math.floor(random.next() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return () => {
    const a = hex() + hex() + hex() + hex();
    return `${a.slice(0, 8)}-${a.slice(8, 12)}-4${a.slice(13, 16)}-a${a.slice(17, 20)}-${a.slice(20, 32)}`;
  };
}

const MOBILE_PREFIXES = ['138', '139', '150', '186', '187', '135', '158', '189'];

/** The i-th of up to 800 million distinct, valid CN mobile numbers, scattered over the blocks. */
export function mobile(i: number): string {
  const prefix = MOBILE_PREFIXES[i % MOBILE_PREFIXES.length] as string;
  const n = (Math.floor(i / MOBILE_PREFIXES.length) * 7919) % 100_000_000;
  return prefix + String(n).padStart(8, '0');
}

/** A JobsJson element as an API client sends it: one contact, a referenceId, two extras. */
export function jobJson(i: number) {
  return {
    referenceId: `ref-${i}`,
    contacts: [{ phoneNumber: mobile(i), name: '张三' }],
    extras: [
      { key: 'customerName', value: '张三' },
      { key: 'amount', value: String(100 + (i % 900)) },
    ],
  };
}

export interface BenchCampaign {
  clock: VirtualClock;
  deps: ServiceDeps;
  instanceId: string;
  lineGroupId: string;
  jobGroupId: string;
}

/** An instance, one line group of `lines` lines of capacity 1, and a job group on it; ids are seeded. */
export async function setUpBenchCampaign(
  store: Store,
  o: { lines: number; callsPerSecond?: number; group?: Partial<JobGroupInput>; seed?: number },
): Promise<BenchCampaign> {
  const clock = createVirtualClock(BENCH_START);
  const deps: ServiceDeps = {
    db: store.db,
    caps: store.caps,
    clock,
    newId: seededIds(o.seed ?? 1),
    defaultCountry: 'CN',
    defaultTimeZone: 'Asia/Shanghai',
  };
  const instance = await createInstance(deps, { name: 'bench' });
  const callingNumbers = Array.from({ length: o.lines }, (_, i) => `0210${String(i).padStart(7, '0')}`);
  const lineGroup = await createLineGroup(deps, {
    instanceId: instance.id,
    name: 'bench lines',
    callingNumbers,
    lineCapacity: 1,
    callsPerSecond: o.callsPerSecond ?? 0,
  });
  const group = await createJobGroup(deps, {
    instanceId: instance.id,
    name: 'bench',
    lineGroupIds: [lineGroup.id],
    ...o.group,
  });
  return { clock, deps, instanceId: instance.id, lineGroupId: lineGroup.id, jobGroupId: group.id };
}
