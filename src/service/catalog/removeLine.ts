import { invalidField, OutdialError } from '../../core/errors.js';
import type { LineGroup } from '../../core/types.js';
import { deleteLine } from '../../store/lineGroups/deleteLine.js';
import type { ServiceDeps } from '../deps.js';
import { getLineGroupOf } from './getLineGroupOf.js';
import { lockLineGroupOf } from './lockLineGroupOf.js';

/** Removes one line; a line group keeps at least one. A call already on the line ends normally. */
export async function removeLine(
  deps: ServiceDeps,
  instanceId: string,
  lineGroupId: string,
  lineId: string,
): Promise<LineGroup> {
  await deps.db.transaction().execute(async (trx) => {
    await lockLineGroupOf(trx, deps, instanceId, lineGroupId);
    const group = await getLineGroupOf({ db: trx }, instanceId, lineGroupId);
    if (!group.lines.some((l) => l.id === lineId)) {
      throw new OutdialError('NOT_FOUND', `lineId: line ${lineId} is not in line group ${lineGroupId}`, {
        field: 'lineId',
      });
    }
    if (group.lines.length <= 1)
      throw invalidField('lineId', 'is the last line of its group: a line group keeps ≥ 1 line');
    await deleteLine(trx, lineGroupId, lineId);
  });
  return getLineGroupOf(deps, instanceId, lineGroupId);
}
