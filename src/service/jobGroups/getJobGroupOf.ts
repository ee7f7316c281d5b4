import { OutdialError } from '../../core/errors.js';
import type { JobGroup } from '../../core/types.js';
import { getJobGroup } from '../../store/jobGroups/getJobGroup.js';
import type { ServiceDeps } from '../deps.js';

/** The caller's job group; another instance's group is reported exactly as a missing one. */
export async function getJobGroupOf(deps: ServiceDeps, instanceId: string, jobGroupId: string): Promise<JobGroup> {
  const group = await getJobGroup(deps.db, jobGroupId);
  if (!group || group.instanceId !== instanceId) {
    throw new OutdialError('JOB_GROUP_NOT_FOUND', `jobGroupId: job group ${jobGroupId} does not exist`, {
      field: 'jobGroupId',
    });
  }
  return group;
}
