import { OutdialError } from '../../core/errors.js';
import type { Script } from '../../core/types.js';
import { getScript } from '../../store/scripts/getScript.js';
import type { ServiceDeps } from '../deps.js';

/** The caller's script; another instance's is reported exactly as a missing one. */
export async function getScriptOf(deps: ServiceDeps, instanceId: string, scriptId: string): Promise<Script> {
  const script = await getScript(deps.db, scriptId);
  if (!script || script.instanceId !== instanceId) {
    throw new OutdialError('SCRIPT_NOT_FOUND', `scriptId: script ${scriptId} does not exist`, { field: 'scriptId' });
  }
  return script;
}
