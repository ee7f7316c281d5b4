import { OutdialError } from '../../core/errors.js';
import type { JobGroup } from '../../core/types.js';
import { updateJobGroupSettings } from '../../store/jobGroups/updateJobGroupSettings.js';
import type { ServiceDeps } from '../deps.js';
import { checkJobGroupReferences } from './checkJobGroupReferences.js';
import { getJobGroupOf } from './getJobGroupOf.js';
import { illegalTransition } from './illegalTransition.js';
import { type JobGroupSettingsInput, parseJobGroupSettings } from './parseJobGroupSettings.js';
import { replanGroupJobs } from './replanGroupJobs.js';

export type JobGroupPatch = JobGroupSettingsInput;

/**
 * Changes a group's settings, validated as at creation, before anything is written. A change of
 * strategy or zone re-plans the waiting jobs that follow the group's calendar. Giving scriptId or
 * scriptVersion pins the script version again (the published one unless named); otherwise the group
 * keeps running the version it has. A Cancelled group cannot be modified.
 */
export async function updateJobGroup(
  deps: ServiceDeps,
  instanceId: string,
  jobGroupId: string,
  patch: JobGroupPatch,
): Promise<JobGroup> {
  // The write is a compare-and-set on the version: a lost race (the engine moved the status, or
  // another update landed) re-reads the group and applies the patch to it, once.
  for (let attempt = 0; attempt < 2; attempt++) {
    const group = await getJobGroupOf(deps, instanceId, jobGroupId);
    if (group.status === 'Cancelled') throw illegalTransition(group, 'modified');
    const settings = parseJobGroupSettings(patch, group, deps.defaultTimeZone);
    const repin = patch.scriptId !== undefined || patch.scriptVersion !== undefined;
    const refs = await checkJobGroupReferences(deps, instanceId, {
      ...(patch.lineGroupIds !== undefined ? { lineGroupIds: settings.lineGroupIds } : {}),
      ...(repin ? { scriptId: settings.scriptId, scriptVersion: settings.scriptVersion } : {}),
    });
    if (repin) settings.scriptVersion = refs.scriptVersion;
    const now = deps.clock.now();
    if (!(await updateJobGroupSettings(deps.db, { id: group.id, version: group.version, settings, now }))) continue;
    const updated = await getJobGroupOf(deps, instanceId, jobGroupId);
    if (JSON.stringify(settings.strategy) !== JSON.stringify(group.strategy) || settings.timeZone !== group.timeZone) {
      await replanGroupJobs(deps, updated, now);
    }
    deps.wake?.();
    return updated;
  }
  throw new OutdialError('STALE_VERSION', `jobGroupId: job group ${jobGroupId} changed meanwhile; try again`, {
    field: 'jobGroupId',
  });
}
