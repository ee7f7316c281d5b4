import type { PolicySettings } from '../../core/policy/types.js';
import { validatePolicySettings } from '../../core/policy/validatePolicySettings.js';
import { getPolicySettings } from '../../store/policy/getPolicySettings.js';
import { lockInstancePolicy } from '../../store/policy/lockInstancePolicy.js';
import { putPolicySettings } from '../../store/policy/putPolicySettings.js';
import { getInstanceOf } from '../catalog/getInstanceOf.js';
import type { ServiceDeps } from '../deps.js';
import { type PolicyView, policyView } from './policyView.js';

/**
 * Changes some rules of the instance's settings and leaves the others as they are (faces that set one rule
 * at a time). Read and write share a transaction, so two changes at once do not undo each other.
 */
export async function changePolicy(
  deps: ServiceDeps,
  instanceId: string,
  change: (current: PolicySettings) => PolicySettings,
): Promise<PolicyView> {
  await getInstanceOf(deps, instanceId);
  return deps.db.transaction().execute(async (trx) => {
    await lockInstancePolicy(trx, deps.caps, instanceId);
    const current = (await getPolicySettings(trx, instanceId))?.settings ?? { presets: [] };
    const settings = validatePolicySettings(change(structuredClone(current)));
    const now = deps.clock.now();
    await putPolicySettings(trx, instanceId, settings, now);
    return policyView(settings, now);
  });
}
