import { OutdialError } from '../../core/errors.js';
import { findJobIds } from '../../store/jobs/findJobIds.js';
import { findJobIdsByReference } from '../../store/jobs/findJobIdsByReference.js';
import type { ServiceDeps } from '../deps.js';

/**
 * The jobs named by id or by referenceId, once each. Every id must be a job of the instance (and of the
 * group, when one is given), or the whole command is refused naming the first that is not; a referenceId
 * that names no job simply matches nothing.
 */
export async function selectJobIds(
  deps: ServiceDeps,
  scope: { instanceId: string; jobGroupId?: string },
  jobIds: readonly string[],
  referenceIds: readonly string[],
): Promise<string[]> {
  const found = await findJobIds(deps.db, deps.caps, scope, jobIds);
  const missing = jobIds.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    const field = `jobIds[${missing}]`;
    throw new OutdialError('JOB_NOT_FOUND', `${field}: job ${jobIds[missing]} does not exist`, { field });
  }
  const byReference =
    referenceIds.length > 0 ? await findJobIdsByReference(deps.db, deps.caps, scope, referenceIds) : [];
  return [...new Set([...jobIds, ...byReference])];
}
