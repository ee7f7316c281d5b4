import { listCallingNumbers, listLineGroups } from '../../../service/catalog/index.js';
import { wireCallingNumber } from '../wire/index.js';
import { callerInstanceId } from './instanceScope.js';
import { pagedList, pageParams } from './pageParams.js';
import type { ActionHandler } from './types.js';

/** ListOutboundCallNumbers: a page of the instance's lines (line groups oldest first, lines in order). */
export const listOutboundCallNumbers: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const page = pageParams(p, { required: true });
  const [found, groups] = await Promise.all([
    listCallingNumbers(ctx.deps, instanceId, page),
    listLineGroups(ctx.deps, instanceId),
  ]);
  const byId = new Map(groups.map((g) => [g.id, g]));
  const list = found.items.map((l) => wireCallingNumber(l.line, byId.get(l.lineGroupId)));
  return { OutboundCallNumbers: pagedList(page, found.total, list) };
};
