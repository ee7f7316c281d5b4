export { type CalleeZone, calleeZone } from './calleeZone.js';
export { checkDial, type DialRequest } from './checkDial.js';
export { COUNTRY_ZONES } from './countryZones.js';
export { effectivePolicy } from './effectivePolicy.js';
export { PRESETS, type PresetDefinition, type PresetRules } from './presets.js';
export type {
  ClockWindow,
  EffectivePolicy,
  NumberFacts,
  PolicyPreset,
  PolicySettings,
  Verdict,
} from './types.js';
export { POLICY_PRESETS } from './types.js';
export { validatePolicySettings } from './validatePolicySettings.js';
