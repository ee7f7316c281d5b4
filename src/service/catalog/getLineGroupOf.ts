import { OutdialError } from '../../core/errors.js';
import type { LineGroup } from '../../core/types.js';
import { getLineGroups } from '../../store/lineGroups/getLineGroups.js';
import type { ServiceDeps } from '../deps.js';

/** The caller's line group with its lines; another instance's is reported exactly as a missing one. */
export async function getLineGroupOf(
  deps: Pick<ServiceDeps, 'db'>,
  instanceId: string,
  lineGroupId: string,
): Promise<LineGroup> {
  const [group] = await getLineGroups(deps.db, [lineGroupId]);
  if (!group || group.instanceId !== instanceId) {
    throw new OutdialError('LINE_GROUP_NOT_FOUND', `lineGroupId: line group ${lineGroupId} does not exist`, {
      field: 'lineGroupId',
    });
  }
  return group;
}
