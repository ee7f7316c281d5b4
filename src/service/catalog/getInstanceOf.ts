import { OutdialError } from '../../core/errors.js';
import type { Instance } from '../../core/types.js';
import { getInstance } from '../../store/instances/getInstance.js';
import type { ServiceDeps } from '../deps.js';

export async function getInstanceOf(deps: ServiceDeps, instanceId: string): Promise<Instance> {
  const instance = await getInstance(deps.db, instanceId);
  if (!instance) {
    throw new OutdialError('INSTANCE_NOT_FOUND', `instanceId: instance ${instanceId} does not exist`, {
      field: 'instanceId',
    });
  }
  return instance;
}
