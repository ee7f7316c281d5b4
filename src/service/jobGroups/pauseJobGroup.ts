import type { JobGroup } from '../../core/types.js';
import type { ServiceDeps } from '../deps.js';
import { changeJobGroupStatus } from './changeJobGroupStatus.js';

/**
 * The engine serves only Scheduling and Executing groups, so a paused group places no new call;
 * calls already running end and are recorded as usual.
 */
export function pauseJobGroup(deps: ServiceDeps, instanceId: string, id: string): Promise<JobGroup> {
  return changeJobGroupStatus(deps, instanceId, id, {
    asked: 'paused',
    from: ['Draft', 'Scheduling', 'Executing'],
    to: 'Paused',
    unchanged: ['Paused'],
  });
}
