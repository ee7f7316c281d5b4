import { getJobGroupOf } from '../../../service/jobGroups/index.js';
import { required } from '../params.js';
import { describedJobGroup } from './describedJobGroup.js';
import { callerInstanceId } from './instanceScope.js';
import type { ActionHandler } from './types.js';

/** DescribeJobGroup: the group with its Progress (BriefTypes.N, deprecated, is not read). */
export const describeJobGroup: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const group = await getJobGroupOf(ctx.deps, instanceId, required(p, 'JobGroupId'));
  return { JobGroup: await describedJobGroup(ctx.deps, group, 'describe') };
};
