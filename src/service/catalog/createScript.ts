import { invalidField } from '../../core/errors.js';
import { SCRIPT_STATUSES, type Script, type ScriptStatus } from '../../core/types.js';
import { insertScript } from '../../store/scripts/insertScript.js';
import type { ServiceDeps } from '../deps.js';
import { getInstanceOf } from './getInstanceOf.js';

export interface ScriptInput {
  instanceId: string;
  name: string;
  description?: string;
  industry?: string;
  scene?: string;
  /** Default DRAFTED. */
  status?: ScriptStatus;
}

export async function createScript(deps: ServiceDeps, input: ScriptInput): Promise<Script> {
  if (typeof input.name !== 'string' || input.name.trim() === '')
    throw invalidField('name', 'must be a non-empty string');
  for (const k of ['description', 'industry', 'scene'] as const) {
    if (input[k] !== undefined && typeof input[k] !== 'string') throw invalidField(k, 'must be a string');
  }
  const status = input.status ?? 'DRAFTED';
  if (!SCRIPT_STATUSES.includes(status)) throw invalidField('status', `must be one of ${SCRIPT_STATUSES.join(', ')}`);
  await getInstanceOf(deps, input.instanceId);
  const now = deps.clock.now();
  const script: Script = {
    id: deps.newId(),
    instanceId: input.instanceId,
    name: input.name.trim(),
    description: input.description ?? '',
    industry: input.industry ?? '',
    scene: input.scene ?? '',
    status,
    createdAt: now,
    modifiedAt: now,
  };
  await insertScript(deps.db, script);
  return script;
}
