import { OutdialError } from '../../../core/errors.js';
import { getInstanceOf } from '../../../service/catalog/index.js';
import { forbidden, notExist } from '../errors.js';
import { type RpcParams, required } from '../params.js';
import type { ActionContext } from './types.js';

/**
 * The request's `InstanceId`, which must be the instance of the signing AccessKey. A missing instance is
 * NotExist.Instance; another tenant's existing instance is Forbidden.NoPermission, as the vendor answers
 * a key that has no rights on a resource that does exist.
 */
export async function callerInstanceId(ctx: ActionContext, p: RpcParams): Promise<string> {
  const instanceId = required(p, 'InstanceId');
  if (instanceId === ctx.instanceId) return instanceId;
  try {
    await getInstanceOf(ctx.deps, instanceId);
  } catch (error) {
    if (error instanceof OutdialError && error.code === 'INSTANCE_NOT_FOUND') {
      throw notExist('Instance', `InstanceId: instance ${instanceId} does not exist`);
    }
    throw error;
  }
  throw forbidden('Forbidden.NoPermission', `InstanceId: this AccessKey belongs to instance ${ctx.instanceId}`);
}
