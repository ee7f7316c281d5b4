import { validatePolicySettings } from '../../core/policy/validatePolicySettings.js';
import { putPolicySettings } from '../../store/policy/putPolicySettings.js';
import { getInstanceOf } from '../catalog/getInstanceOf.js';
import type { ServiceDeps } from '../deps.js';
import { type PolicyView, policyView } from './policyView.js';

/**
 * Replaces the instance's policy settings with `input`, validated (VALIDATION_FAILED naming the field).
 * The presets it adopts and its own rules combine by tightest-wins: see the view's `effective`.
 */
export async function putPolicy(deps: ServiceDeps, instanceId: string, input: unknown): Promise<PolicyView> {
  const settings = validatePolicySettings(input);
  await getInstanceOf(deps, instanceId);
  const now = deps.clock.now();
  await putPolicySettings(deps.db, instanceId, settings, now);
  return policyView(settings, now);
}
