import { instanceCallTotals } from '../../store/reports/instanceCallTotals.js';
import type { ServiceDeps } from '../deps.js';

export interface InstanceCallSummary {
  instanceId: string;
  /** Calls placed (tasks), running ones included. */
  totalCallCount: number;
  /** Seconds talked over all calls. */
  totalCallSeconds: number;
}

/** Calls placed and talk time per instance, in the order asked; unknown ids are left out. */
export async function instanceSummary(deps: ServiceDeps, instanceIds: string[]): Promise<InstanceCallSummary[]> {
  const ids = [...new Set(instanceIds)];
  const totals = new Map((await instanceCallTotals(deps.db, ids)).map((t) => [t.instanceId, t]));
  return ids.flatMap((id) => {
    const t = totals.get(id);
    return t ? [{ instanceId: id, totalCallCount: t.calls, totalCallSeconds: Math.round(t.talkMs / 1000) }] : [];
  });
}
