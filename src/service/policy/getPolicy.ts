import { getPolicySettings } from '../../store/policy/getPolicySettings.js';
import { getInstanceOf } from '../catalog/getInstanceOf.js';
import type { ServiceDeps } from '../deps.js';
import { type PolicyView, policyView } from './policyView.js';

/** The instance's contact policy; an instance that never set one has no presets and no rules of its own. */
export async function getPolicy(deps: ServiceDeps, instanceId: string): Promise<PolicyView> {
  await getInstanceOf(deps, instanceId);
  const stored = await getPolicySettings(deps.db, instanceId);
  return stored ? policyView(stored.settings, stored.modifiedAt) : policyView({ presets: [] }, null);
}
