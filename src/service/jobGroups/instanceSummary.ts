import { instanceCallTotals } from '../../store/reports/instanceCallTotals.js';
import type { ServiceDeps } from '../deps.js';

export interface InstanceCallSummary {
  instanceId: string;
  /** Calls placed (tasks), running ones included. */
  totalCallCount: number;
  /** Seconds talked over all calls. */
  totalCallSeconds: number;
  /** Space the calls' kept recordings take, MB (2^20 bytes), to two decimals. */
  recordingMegabytes: number;
}

/** Calls placed, talk time and recordings' space per instance, in the order asked; unknown ids are left out. */
export async function instanceSummary(deps: ServiceDeps, instanceIds: string[]): Promise<InstanceCallSummary[]> {
  const ids = [...new Set(instanceIds)];
  const totals = new Map((await instanceCallTotals(deps.db, ids)).map((t) => [t.instanceId, t]));
  return ids.flatMap((id) => {
    const t = totals.get(id);
    if (!t) return [];
    return [
      {
        instanceId: id,
        totalCallCount: t.calls,
        totalCallSeconds: Math.round(t.talkMs / 1000),
        recordingMegabytes: Math.round((t.recordingBytes / 2 ** 20) * 100) / 100,
      },
    ];
  });
}
