import type { ServiceDeps } from '../../../service/deps.js';
import type { RpcParams } from '../params.js';

/** What an action runs with: the services, and the instance the signing AccessKey belongs to. */
export interface ActionContext {
  deps: ServiceDeps;
  /** The caller's instance; an action's InstanceId must name it. */
  instanceId: string;
}

/** One RPC action: reads its parameters, returns the payload keys of the success envelope. */
export type ActionHandler = (ctx: ActionContext, params: RpcParams) => Promise<Record<string, unknown>>;
