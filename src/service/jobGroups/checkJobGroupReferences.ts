import { OutdialError } from '../../core/errors.js';
import { getLineGroups } from '../../store/lineGroups/getLineGroups.js';
import { getScript } from '../../store/scripts/getScript.js';
import { getScriptVersion } from '../../store/scripts/getScriptVersion.js';
import type { ServiceDeps } from '../deps.js';

/**
 * The line groups and script a job group names must exist in its own instance; absent ones are not checked.
 * A script named must have been published: the answer is the version the group is to run, `scriptVersion`
 * when given (it must be a version that has been published), else the script's published version; null
 * when no script is named.
 */
export async function checkJobGroupReferences(
  deps: ServiceDeps,
  instanceId: string,
  refs: { lineGroupIds?: readonly string[]; scriptId?: string | null; scriptVersion?: number | null },
): Promise<{ scriptVersion: number | null }> {
  if (refs.lineGroupIds) {
    const found = await getLineGroups(deps.db, refs.lineGroupIds);
    refs.lineGroupIds.forEach((id, i) => {
      if (!found.some((g) => g.id === id && g.instanceId === instanceId)) {
        throw new OutdialError('LINE_GROUP_NOT_FOUND', `lineGroupIds[${i}]: line group ${id} does not exist`, {
          field: `lineGroupIds[${i}]`,
        });
      }
    });
  }
  if (!refs.scriptId) return { scriptVersion: null };
  const script = await getScript(deps.db, refs.scriptId);
  if (!script || script.instanceId !== instanceId) {
    throw new OutdialError('SCRIPT_NOT_FOUND', `scriptId: script ${refs.scriptId} does not exist`, {
      field: 'scriptId',
    });
  }
  const wanted = refs.scriptVersion ?? null;
  if (wanted === null) {
    if (script.publishedVersion === null) {
      throw new OutdialError(
        'SCRIPT_NOT_PUBLISHED',
        `scriptId: script ${script.id} has no published version yet; publish one before a job group runs it`,
        { field: 'scriptId' },
      );
    }
    return { scriptVersion: script.publishedVersion };
  }
  const version = await getScriptVersion(deps.db, script.id, wanted);
  if (!version || version.publishedAt === null) {
    throw new OutdialError(
      'SCRIPT_NOT_PUBLISHED',
      `scriptVersion: script ${script.id} has no published version ${wanted}${version ? ' (it is a draft)' : ''}`,
      { field: 'scriptVersion' },
    );
  }
  return { scriptVersion: wanted };
}
