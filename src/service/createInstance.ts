import { invalidField } from '../core/errors.js';
import type { Instance } from '../core/types.js';
import { insertInstance } from '../store/instances/insertInstance.js';
import type { ServiceDeps } from './deps.js';

export async function createInstance(
  deps: ServiceDeps,
  input: { name: string; id?: string; description?: string },
): Promise<Instance> {
  if (typeof input.name !== 'string' || input.name.trim() === '')
    throw invalidField('name', 'must be a non-empty string');
  if (input.description !== undefined && typeof input.description !== 'string')
    throw invalidField('description', 'must be a string');
  const instance: Instance = {
    id: input.id ?? deps.newId(),
    name: input.name.trim(),
    description: input.description ?? '',
    createdAt: deps.clock.now(),
  };
  await insertInstance(deps.db, instance);
  return instance;
}
