import type { Instance } from '../../../core/types.js';
import { getInstanceOf, listLineGroups } from '../../../service/catalog/index.js';
import type { ServiceDeps } from '../../../service/deps.js';
import { wireInstance } from '../wire/index.js';
import { callerInstanceId } from './instanceScope.js';
import { pageParams } from './pageParams.js';
import type { ActionHandler } from './types.js';

/** The instance with what its line groups can carry at once as MaxConcurrentConversation. */
async function describedInstance(deps: ServiceDeps, instance: Instance) {
  const groups = await listLineGroups(deps, instance.id);
  return wireInstance(instance, { maxConcurrentConversation: groups.reduce((n, g) => n + g.capacity, 0) });
}

/**
 * ListInstances: an AccessKey belongs to one instance, so the list is that instance alone (on page 1).
 * Name, ResourceGroupId and Tag.N are accepted and not applied.
 */
export const listInstances: ActionHandler = async (ctx, p) => {
  const page = pageParams(p, { required: false });
  const own = await getInstanceOf(ctx.deps, ctx.instanceId);
  const list = page.pageNumber === 1 ? [await describedInstance(ctx.deps, own)] : [];
  return { Instances: list, PageNumber: page.pageNumber, PageSize: page.pageSize, TotalCount: 1 };
};

/** DescribeInstance: the caller's instance. */
export const describeInstance: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  return { Instance: await describedInstance(ctx.deps, await getInstanceOf(ctx.deps, instanceId)) };
};
