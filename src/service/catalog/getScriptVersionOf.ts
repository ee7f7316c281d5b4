import { getScriptVersion } from '../../store/scripts/getScriptVersion.js';
import type { ScriptVersion } from '../../store/scripts/scriptVersion.js';
import type { ServiceDeps } from '../deps.js';
import { getScriptOf } from './getScriptOf.js';
import { checkVersionNumber, scriptVersionNotFound } from './scriptVersionParam.js';

/** One version of the caller's script, with its body and the text it was written as. */
export async function getScriptVersionOf(
  deps: ServiceDeps,
  instanceId: string,
  scriptId: string,
  version: number,
): Promise<ScriptVersion> {
  const wanted = checkVersionNumber(version);
  const script = await getScriptOf(deps, instanceId, scriptId);
  const found = await getScriptVersion(deps.db, script.id, wanted);
  if (!found) throw scriptVersionNotFound(scriptId, wanted);
  return found;
}
