import type { JobGroupStatus } from '../../core/enums.js';
import { OutdialError } from '../../core/errors.js';
import { countCallsInProgress } from '../../store/jobGroups/countCallsInProgress.js';
import { deleteJobGroup as deleteJobGroupRows } from '../../store/jobGroups/deleteJobGroup.js';
import { recordedTasksOfGroup } from '../../store/tasks/recordingsEndedBefore.js';
import type { ServiceDeps } from '../deps.js';
import { getJobGroupOf } from './getJobGroupOf.js';

const DELETABLE: readonly JobGroupStatus[] = ['Draft', 'Paused', 'Completed', 'Cancelled'];

class Refused extends Error {}

/**
 * Deletes a group that is not being dialled, with its jobs and tasks, in one transaction, then its calls'
 * recordings. A running group, or one with a call still in progress, is JOB_GROUP_BUSY.
 */
export async function deleteJobGroup(deps: ServiceDeps, instanceId: string, id: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const group = await getJobGroupOf(deps, instanceId, id);
    if (!DELETABLE.includes(group.status)) {
      throw new OutdialError(
        'JOB_GROUP_BUSY',
        `jobGroupId: job group ${id} is ${group.status}: pause or cancel it before deleting it`,
        { field: 'jobGroupId', status: group.status },
      );
    }
    try {
      const recorded = await deps.db.transaction().execute(async (trx) => {
        const calls = await countCallsInProgress(trx, id);
        if (calls > 0) {
          throw new OutdialError(
            'JOB_GROUP_BUSY',
            `jobGroupId: job group ${id} has ${calls} call${calls === 1 ? '' : 's'} in progress; delete it once they end`,
            { field: 'jobGroupId', callsInProgress: calls },
          );
        }
        // The status is checked again as the row goes: a group resumed meanwhile rolls everything back.
        const recordedTasks = await recordedTasksOfGroup(trx, id);
        if (!(await deleteJobGroupRows(trx, id, DELETABLE))) throw new Refused();
        return recordedTasks;
      });
      // After the commit: a file left behind by a failure here is only disk, never a task without its call.
      const { recordings } = deps;
      if (recordings) await Promise.allSettled(recorded.map((taskId) => recordings.remove(taskId)));
      return;
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
    }
  }
  throw new OutdialError('STALE_VERSION', `jobGroupId: job group ${id} changed meanwhile; try again`, {
    field: 'jobGroupId',
  });
}
