import {
  getScriptOf,
  listScripts as listInstanceScripts,
  publishScript as publish,
} from '../../../service/catalog/index.js';
import { required } from '../params.js';
import { wireScript } from '../wire/index.js';
import { callerInstanceId } from './instanceScope.js';
import { pagedList, pageParams } from './pageParams.js';
import type { ActionHandler } from './types.js';
import { withWireNames } from './wireFieldNames.js';

/** ListScripts: a page of the instance's scripts, newest first. ScriptName and NluEngine are accepted and not applied. */
export const listScripts: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const page = pageParams(p, { required: true });
  const found = await listInstanceScripts(ctx.deps, instanceId, { kind: 'offset', ...page });
  return { Scripts: pagedList(page, found.total, found.items.map(wireScript)) };
};

/** DescribeScript: one script of the instance. */
export const describeScript: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const script = await getScriptOf(ctx.deps, instanceId, required(p, 'ScriptId'));
  return { Script: wireScript(script) };
};

/**
 * PublishScript: publishes the script's latest version, which job groups given the script from now on run.
 * Description (the vendor's note on the release) is accepted and not kept.
 */
export const publishScript: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const scriptId = required(p, 'ScriptId');
  await withWireNames(
    [
      { from: 'scriptId', to: 'ScriptId' },
      { from: 'version', to: 'ScriptId' },
    ],
    () => publish(ctx.deps, instanceId, scriptId),
  );
  return {};
};
