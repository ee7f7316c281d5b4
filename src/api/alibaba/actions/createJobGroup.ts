import { createJobGroup as createGroup } from '../../../service/createJobGroup.js';
import { optionalString, required } from '../params.js';
import { allLineGroupIds, lineGroupsOfNumbers } from './callingNumbers.js';
import { describedJobGroup } from './describedJobGroup.js';
import { callerInstanceId } from './instanceScope.js';
import { jobGroupSettingsParams } from './jobGroupParams.js';
import type { ActionHandler } from './types.js';
import { withWireNames } from './wireFieldNames.js';

/** CreateJobGroup: a Draft group on the line groups of its caller numbers (all of them when none is named). */
export const createJobGroup: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const name = required(p, 'JobGroupName');
  const description = optionalString(p, 'JobGroupDescription') ?? '';
  const { settings, renames } = jobGroupSettingsParams(p);
  const lineGroupIds =
    (await lineGroupsOfNumbers(ctx.deps, instanceId, p)) ?? (await allLineGroupIds(ctx.deps, instanceId));
  const group = await withWireNames(
    [...renames, { from: 'name', to: 'JobGroupName' }, { from: 'description', to: 'JobGroupDescription' }],
    () => createGroup(ctx.deps, { instanceId, name, description, lineGroupIds, ...settings }),
  );
  return { JobGroup: await describedJobGroup(ctx.deps, group, 'modify') };
};
