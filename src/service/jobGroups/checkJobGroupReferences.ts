import { OutdialError } from '../../core/errors.js';
import { getLineGroups } from '../../store/lineGroups/getLineGroups.js';
import { getScript } from '../../store/scripts/getScript.js';
import type { ServiceDeps } from '../deps.js';

/** The line groups and script a job group names must exist in its own instance; absent ones are not checked. */
export async function checkJobGroupReferences(
  deps: ServiceDeps,
  instanceId: string,
  refs: { lineGroupIds?: readonly string[]; scriptId?: string | null },
): Promise<void> {
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
  if (refs.scriptId) {
    const script = await getScript(deps.db, refs.scriptId);
    if (!script || script.instanceId !== instanceId) {
      throw new OutdialError('SCRIPT_NOT_FOUND', `scriptId: script ${refs.scriptId} does not exist`, {
        field: 'scriptId',
      });
    }
  }
}
