import type { JobGroup } from '../../core/types.js';
import type { ServiceDeps } from '../deps.js';
import { changeJobGroupStatus } from './changeJobGroupStatus.js';

/** Paused → Scheduling; the engine moves it on to Executing when it dials again. */
export async function resumeJobGroup(deps: ServiceDeps, instanceId: string, id: string): Promise<JobGroup> {
  const group = await changeJobGroupStatus(deps, instanceId, id, {
    asked: 'resumed',
    from: ['Paused'],
    to: 'Scheduling',
    unchanged: ['Scheduling', 'Executing'],
  });
  deps.wake?.();
  return group;
}
