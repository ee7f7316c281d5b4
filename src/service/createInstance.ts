import { invalidField } from '../core/errors.js';
import type { Instance } from '../core/types.js';
import { insertInstance } from '../store/instances/insertInstance.js';
import type { ServiceDeps } from './deps.js';

export async function createInstance(deps: ServiceDeps, input: { name: string; id?: string }): Promise<Instance> {
  if (typeof input.name !== 'string' || input.name.trim() === '')
    throw invalidField('name', 'must be a non-empty string');
  const instance: Instance = { id: input.id ?? deps.newId(), name: input.name.trim(), createdAt: deps.clock.now() };
  await insertInstance(deps.db, instance);
  return instance;
}
