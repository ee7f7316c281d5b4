import { effectivePolicy } from '../../core/policy/effectivePolicy.js';
import type { EffectivePolicy, PolicySettings } from '../../core/policy/types.js';

/** An instance's policy as faces show it: its own settings and the rules in force with their sources. */
export interface PolicyView {
  settings: PolicySettings;
  effective: EffectivePolicy;
  /** When the settings were last written; null while the instance has never set any. */
  modifiedAt: number | null;
}

export const policyView = (settings: PolicySettings, modifiedAt: number | null): PolicyView => ({
  settings,
  effective: effectivePolicy(settings),
  modifiedAt,
});
