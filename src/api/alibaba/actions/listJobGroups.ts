import { JOB_GROUP_STATUSES } from '../../../core/enums.js';
import { jobGroupProgress, listJobGroups as listGroups } from '../../../service/jobGroups/index.js';
import { optionalBool, optionalString } from '../params.js';
import { wireJobGroup } from '../wire/index.js';
import { callerInstanceId } from './instanceScope.js';
import { nameListParam } from './nameListParam.js';
import { optionalInstant, pagedList, pageParams } from './pageParams.js';
import type { ActionHandler } from './types.js';

/** Statuses the vendor lists that no Outdial group is ever in: filtering on them matches nothing. */
const VENDOR_STATUSES = [...JOB_GROUP_STATUSES, 'Failed', 'Initializing'];

/**
 * ListJobGroups: the instance's groups, newest first, each with its Progress (list spelling) and calls
 * made. StartTime / EndTime bound the creation time. `AsyncQuery=true` is answered at once all the same,
 * with an `AsyncTaskId` beside the result, so a caller written for the asynchronous flow has its answer
 * without polling. OnlyMinConcurrencyEnabled is accepted and not applied.
 */
export const listJobGroups: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const page = pageParams(p, { required: true });
  const statuses = nameListParam(p, 'JobGroupStatusFilter', JOB_GROUP_STATUSES, VENDOR_STATUSES);
  const search = optionalString(p, 'SearchText')?.trim();
  const createdFrom = optionalInstant(p, 'StartTime');
  const createdTo = optionalInstant(p, 'EndTime');
  optionalBool(p, 'OnlyMinConcurrencyEnabled');
  const asyncQuery = optionalBool(p, 'AsyncQuery') === true;

  const found = await listGroups(
    ctx.deps,
    {
      instanceId,
      ...(statuses !== undefined ? { statuses } : {}),
      ...(search ? { search } : {}),
      ...(createdFrom !== undefined ? { createdFrom } : {}),
      ...(createdTo !== undefined ? { createdTo } : {}),
    },
    { kind: 'offset', ...page },
  );
  const list = [];
  for (const group of found.items) {
    const progress = await jobGroupProgress(ctx.deps, instanceId, group.id);
    list.push(wireJobGroup(group, { callingNumbers: [], progress }, 'list'));
  }
  return {
    JobGroups: pagedList(page, found.total, list),
    ...(asyncQuery ? { AsyncTaskId: ctx.deps.newId() } : {}),
  };
};
