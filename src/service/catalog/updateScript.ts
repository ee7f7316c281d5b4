import { OutdialError } from '../../core/errors.js';
import type { Script } from '../../core/types.js';
import { insertScriptVersion } from '../../store/scripts/insertScriptVersion.js';
import { updateScript as updateScriptRow } from '../../store/scripts/updateScript.js';
import type { ServiceDeps } from '../deps.js';
import { readScriptBody, type ScriptBodyInput } from './checkScript.js';
import { getScriptOf } from './getScriptOf.js';
import { metadataOf, parseScriptMetadata, type ScriptMetadataInput } from './scriptMetadata.js';

/** What a change of a script may give: a new body, metadata, or both. */
export interface ScriptPatch extends ScriptBodyInput, ScriptMetadataInput {}

const gone = (scriptId: string) =>
  new OutdialError('SCRIPT_NOT_FOUND', `scriptId: script ${scriptId} does not exist`, { field: 'scriptId' });

/**
 * A new body is stored as a new version (latest + 1, a draft: job groups keep the version they run until it
 * is published and they are given it); the metadata then follows the new body unless given. Metadata alone
 * changes the script and writes no version.
 */
export async function updateScript(
  deps: ServiceDeps,
  instanceId: string,
  scriptId: string,
  patch: ScriptPatch,
): Promise<Script> {
  const given = parseScriptMetadata(patch);
  const read = readScriptBody(patch);
  const current = await getScriptOf(deps, instanceId, scriptId);
  const now = deps.clock.now();
  if (!read) {
    if (Object.keys(given).length === 0) return current;
    const updated = await updateScriptRow(deps.db, current.id, given, now);
    if (!updated) throw gone(scriptId);
    return updated;
  }
  return deps.db.transaction().execute(async (trx) => {
    const updated = await updateScriptRow(trx, current.id, { ...metadataOf(read.body, given), newVersion: true }, now);
    if (!updated) throw gone(scriptId);
    await insertScriptVersion(trx, {
      scriptId: current.id,
      version: updated.latestVersion,
      body: read.body,
      source: read.source,
      createdAt: now,
      publishedAt: null,
    });
    return updated;
  });
}
