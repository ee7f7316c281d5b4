import type { JobGroup } from '../../../core/types.js';
import { getJobGroupOf, pauseJobGroup, resumeJobGroup, updateJobGroup } from '../../../service/jobGroups/index.js';
import { invalidParameter } from '../errors.js';
import { optionalString, type RpcParams, required } from '../params.js';
import { lineGroupsOfNumbers } from './callingNumbers.js';
import { describedJobGroup } from './describedJobGroup.js';
import { callerInstanceId } from './instanceScope.js';
import { jobGroupSettingsParams } from './jobGroupParams.js';
import type { ActionContext, ActionHandler } from './types.js';
import { withWireNames } from './wireFieldNames.js';

const TARGET_STATUSES = ['Draft', 'Paused'] as const;
type TargetStatus = (typeof TARGET_STATUSES)[number];

function targetStatus(p: RpcParams): TargetStatus | undefined {
  const v = optionalString(p, 'JobGroupStatus')?.trim();
  if (v === undefined || v === '') return undefined;
  if (!(TARGET_STATUSES as readonly string[]).includes(v)) {
    throw invalidParameter('JobGroupStatus', `It must be one of ${TARGET_STATUSES.join(', ')}, got "${v}".`);
  }
  return v as TargetStatus;
}

/**
 * The vendor's two settable statuses. `Paused` pauses the group. `Draft` is what its console sets to let a
 * paused group run again, so on a Paused group it resumes it; on any other group it changes nothing, since
 * a group that has jobs cannot go back to being a draft.
 */
async function applyStatus(ctx: ActionContext, group: JobGroup, target: TargetStatus | undefined): Promise<JobGroup> {
  if (target === 'Paused') return pauseJobGroup(ctx.deps, group.instanceId, group.id);
  if (target === 'Draft' && group.status === 'Paused') return resumeJobGroup(ctx.deps, group.instanceId, group.id);
  return group;
}

/** ModifyJobGroup: changes the settings given (others stay), then applies JobGroupStatus. */
export const modifyJobGroup: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const jobGroupId = required(p, 'JobGroupId');
  const name = required(p, 'Name');
  const description = optionalString(p, 'Description');
  const target = targetStatus(p);
  const { settings, renames } = jobGroupSettingsParams(p);
  await getJobGroupOf(ctx.deps, instanceId, jobGroupId);
  const lineGroupIds = await lineGroupsOfNumbers(ctx.deps, instanceId, p);
  const updated = await withWireNames(
    [...renames, { from: 'name', to: 'Name' }, { from: 'description', to: 'Description' }],
    () =>
      updateJobGroup(ctx.deps, instanceId, jobGroupId, {
        name,
        ...(description !== undefined ? { description } : {}),
        ...(lineGroupIds !== undefined ? { lineGroupIds } : {}),
        ...settings,
      }),
  );
  const group = await applyStatus(ctx, updated, target);
  return { JobGroup: await describedJobGroup(ctx.deps, group, 'modify') };
};
