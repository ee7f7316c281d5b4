import type { JobGroup } from '../../core/types.js';
import { jobCompleteEvents } from '../../events/outbox/jobCompleteEvents.js';
import { jobGroupCompleteEvent } from '../../events/outbox/jobGroupEvents.js';
import { insertEvents } from '../../store/events/insertEvents.js';
import { cancelJobs } from '../../store/jobs/cancelJobs.js';
import type { ServiceDeps } from '../deps.js';
import { changeJobGroupStatus } from './changeJobGroupStatus.js';

/**
 * Ends the group for good, and with it every job that could still be dialled, in one transaction.
 * A call in flight ends normally; its job stays Cancelled, and the engine never completes the group.
 */
export function cancelJobGroup(deps: ServiceDeps, instanceId: string, id: string): Promise<JobGroup> {
  return changeJobGroupStatus(deps, instanceId, id, {
    asked: 'cancelled',
    from: ['Draft', 'Scheduling', 'Executing', 'Paused'],
    to: 'Cancelled',
    unchanged: ['Cancelled'],
    finishes: true,
    alongside: async (trx, group, now) => {
      const ended = await cancelJobs(trx, { jobGroupId: group.id }, now);
      const groupEnded = await jobGroupCompleteEvent(trx, group.id, now, deps.newId);
      const events = await jobCompleteEvents(trx, ended, now, deps.newId);
      await insertEvents(trx, deps.caps, groupEnded ? [...events, groupEnded] : events);
    },
  });
}
