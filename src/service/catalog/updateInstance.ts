import { invalidField } from '../../core/errors.js';
import type { Instance } from '../../core/types.js';
import { updateInstance as updateInstanceRow } from '../../store/instances/updateInstance.js';
import type { ServiceDeps } from '../deps.js';
import { getInstanceOf } from './getInstanceOf.js';

export async function updateInstance(
  deps: ServiceDeps,
  instanceId: string,
  patch: { name?: string; description?: string },
): Promise<Instance> {
  if (patch.name !== undefined && (typeof patch.name !== 'string' || patch.name.trim() === '')) {
    throw invalidField('name', 'must be a non-empty string');
  }
  if (patch.description !== undefined && typeof patch.description !== 'string') {
    throw invalidField('description', 'must be a string');
  }
  await getInstanceOf(deps, instanceId);
  const set = {
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
  };
  if (Object.keys(set).length > 0) await updateInstanceRow(deps.db, instanceId, set);
  return getInstanceOf(deps, instanceId);
}
