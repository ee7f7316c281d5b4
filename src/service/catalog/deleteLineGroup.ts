import { OutdialError } from '../../core/errors.js';
import { deleteLineGroup as deleteLineGroupRows } from '../../store/lineGroups/deleteLineGroup.js';
import { jobGroupsUsingLineGroup } from '../../store/lineGroups/jobGroupsUsingLineGroup.js';
import type { ServiceDeps } from '../deps.js';
import { lockLineGroupOf } from './lockLineGroupOf.js';

/** Deletes a line group and its lines; LINE_GROUP_IN_USE while any job group names it. */
export async function deleteLineGroup(deps: ServiceDeps, instanceId: string, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await lockLineGroupOf(trx, deps, instanceId, id);
    const users = await jobGroupsUsingLineGroup(trx, instanceId, id);
    if (users.length > 0) {
      throw new OutdialError(
        'LINE_GROUP_IN_USE',
        `lineGroupId: line group ${id} is used by job group${users.length === 1 ? '' : 's'} ${users.join(', ')}`,
        { field: 'lineGroupId', jobGroupIds: users },
      );
    }
    await deleteLineGroupRows(trx, id);
  });
}
