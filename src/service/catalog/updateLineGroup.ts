import { invalidField } from '../../core/errors.js';
import type { LineGroup } from '../../core/types.js';
import { updateLineGroup as updateLineGroupRow } from '../../store/lineGroups/updateLineGroup.js';
import type { ServiceDeps } from '../deps.js';
import { getLineGroupOf } from './getLineGroupOf.js';

const positiveInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;

export async function updateLineGroup(
  deps: ServiceDeps,
  instanceId: string,
  id: string,
  patch: { name?: string; capacity?: number; callsPerSecond?: number },
): Promise<LineGroup> {
  if (patch.name !== undefined && (typeof patch.name !== 'string' || patch.name.trim() === '')) {
    throw invalidField('name', 'must be a non-empty string');
  }
  if (patch.capacity !== undefined && !positiveInt(patch.capacity)) {
    throw invalidField('capacity', 'must be a positive integer');
  }
  if (
    patch.callsPerSecond !== undefined &&
    (typeof patch.callsPerSecond !== 'number' || !(patch.callsPerSecond >= 0))
  ) {
    throw invalidField('callsPerSecond', 'must be a number ≥ 0 (0 = no limit)');
  }
  await getLineGroupOf(deps, instanceId, id);
  await updateLineGroupRow(deps.db, id, { ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}) });
  return getLineGroupOf(deps, instanceId, id);
}
