import { OutdialError } from '../../core/errors.js';
import type { Script } from '../../core/types.js';
import { markScriptPublished } from '../../store/scripts/markScriptPublished.js';
import type { ServiceDeps } from '../deps.js';
import { getScriptOf } from './getScriptOf.js';
import { checkVersionNumber, scriptVersionNotFound } from './scriptVersionParam.js';

/**
 * Makes a version (the latest when none is named) the one new job groups run; an older one may be named to
 * go back to it. Groups already given the script keep the version they run until they are given it again.
 */
export async function publishScript(
  deps: ServiceDeps,
  instanceId: string,
  scriptId: string,
  version?: number,
): Promise<Script> {
  const wanted = version === undefined ? undefined : checkVersionNumber(version);
  const script = await getScriptOf(deps, instanceId, scriptId);
  const target = wanted ?? script.latestVersion;
  if (target < 1) {
    throw new OutdialError('SCRIPT_VERSION_NOT_FOUND', `scriptId: script ${scriptId} has no version to publish yet`, {
      field: 'scriptId',
    });
  }
  const now = deps.clock.now();
  const done = await deps.db.transaction().execute((trx) => markScriptPublished(trx, script.id, target, now));
  if (!done) throw scriptVersionNotFound(scriptId, target);
  return getScriptOf(deps, instanceId, scriptId);
}
