import type { JobGroup } from '../../core/types.js';
import type { ServiceDeps } from '../deps.js';
import { changeJobGroupStatus } from './changeJobGroupStatus.js';

/** Draft → Scheduling, even before any job arrives; a group already running is returned as it is. */
export async function startJobGroup(deps: ServiceDeps, instanceId: string, id: string): Promise<JobGroup> {
  const group = await changeJobGroupStatus(deps, instanceId, id, {
    asked: 'started',
    from: ['Draft'],
    to: 'Scheduling',
    unchanged: ['Scheduling', 'Executing'],
  });
  deps.wake?.();
  return group;
}
