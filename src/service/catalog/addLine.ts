import { invalidField } from '../../core/errors.js';
import type { LineGroup } from '../../core/types.js';
import { appendLine } from '../../store/lineGroups/appendLine.js';
import type { ServiceDeps } from '../deps.js';
import { getLineGroupOf } from './getLineGroupOf.js';
import { lockLineGroupOf } from './lockLineGroupOf.js';

/** Adds a caller number after the group's last line. The group's own capacity is left as it is. */
export async function addLine(
  deps: ServiceDeps,
  instanceId: string,
  lineGroupId: string,
  input: { callingNumber: string; capacity?: number },
): Promise<LineGroup> {
  if (typeof input.callingNumber !== 'string' || !/^\+?[0-9]{3,20}$/.test(input.callingNumber)) {
    throw invalidField('callingNumber', 'must be digits');
  }
  const capacity = input.capacity ?? 1;
  if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity <= 0) {
    throw invalidField('capacity', 'must be a positive integer');
  }
  await deps.db.transaction().execute(async (trx) => {
    await lockLineGroupOf(trx, deps, instanceId, lineGroupId);
    await appendLine(trx, { id: deps.newId(), lineGroupId, callingNumber: input.callingNumber, capacity });
  });
  return getLineGroupOf(deps, instanceId, lineGroupId);
}
