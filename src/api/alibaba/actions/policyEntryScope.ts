import { OutdialError } from '../../../core/errors.js';
import { getInstanceOf } from '../../../service/catalog/index.js';
import { forbidden, invalidParameter, notExist } from '../errors.js';
import { optionalInt, type RpcParams, required } from '../params.js';
import type { ActionContext } from './types.js';

/** The vendor's strategy levels are 0 system, 1 tenant, 2 instance; only the instance's own is served. */
const INSTANCE_LEVEL = 2;

/**
 * The instance a system-policy action names: these actions call it `EntryId` (not `InstanceId`), and it must be
 * the signing AccessKey's instance (NotExist.Instance when missing, Forbidden.NoPermission for another
 * tenant's). `StrategyLevel`, when given, must be 2 (instance): the system and tenant levels are the operator's.
 */
export async function policyEntryId(ctx: ActionContext, p: RpcParams): Promise<string> {
  const level = optionalInt(p, 'StrategyLevel');
  if (level !== undefined && level !== INSTANCE_LEVEL) {
    throw invalidParameter('StrategyLevel', `Only 2 (instance) is served here, got ${level}.`);
  }
  const instanceId = required(p, 'EntryId');
  if (instanceId === ctx.instanceId) return instanceId;
  try {
    await getInstanceOf(ctx.deps, instanceId);
  } catch (error) {
    if (error instanceof OutdialError && error.code === 'INSTANCE_NOT_FOUND') {
      throw notExist('Instance', `EntryId: instance ${instanceId} does not exist`);
    }
    throw error;
  }
  throw forbidden('Forbidden.NoPermission', `EntryId: this AccessKey belongs to instance ${ctx.instanceId}`);
}
