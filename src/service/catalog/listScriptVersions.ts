import { listScriptVersions as listVersionRows } from '../../store/scripts/listScriptVersions.js';
import type { ScriptVersionInfo } from '../../store/scripts/scriptVersion.js';
import type { ServiceDeps } from '../deps.js';
import { getScriptOf } from './getScriptOf.js';

/** Every version of the caller's script, newest first, without bodies. */
export async function listScriptVersions(
  deps: ServiceDeps,
  instanceId: string,
  scriptId: string,
): Promise<ScriptVersionInfo[]> {
  const script = await getScriptOf(deps, instanceId, scriptId);
  return listVersionRows(deps.db, script.id);
}
