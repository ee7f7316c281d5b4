import { deleteJobGroup as deleteGroup } from '../../../service/jobGroups/index.js';
import { required } from '../params.js';
import { callerInstanceId } from './instanceScope.js';
import type { ActionHandler } from './types.js';

/** DeleteJobGroup: the group with its jobs and tasks, unless it is being dialled. */
export const deleteJobGroup: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  await deleteGroup(ctx.deps, instanceId, required(p, 'JobGroupId'));
  return {};
};
