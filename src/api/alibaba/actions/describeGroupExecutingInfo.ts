import { jobGroupProgress } from '../../../service/jobGroups/index.js';
import { required } from '../params.js';
import { wireExecutingInfo } from '../wire/index.js';
import { callerInstanceId } from './instanceScope.js';
import type { ActionHandler } from './types.js';

/** DescribeGroupExecutingInfo: the group's calls and jobs so far. */
export const describeGroupExecutingInfo: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const progress = await jobGroupProgress(ctx.deps, instanceId, required(p, 'JobGroupId'));
  return { InstanceId: instanceId, GroupId: progress.jobGroupId, ExecutingInfo: wireExecutingInfo(progress) };
};
