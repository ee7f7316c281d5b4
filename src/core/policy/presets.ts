import type { PolicyPreset, PolicySettings } from './types.js';

/** A preset's rules: the settings fields it fixes (never `presets`). */
export type PresetRules = Omit<PolicySettings, 'presets'>;

export interface PresetDefinition {
  settings: PresetRules;
  description: string;
  /** Per rule key (as in EffectivePolicy.sources), the regulation the value comes from. */
  sources: Record<string, string>;
}

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const EIGHT_TO_NINE = [{ begin: '08:00', end: '21:00' }];

const TENCENT_CCC = 'Tencent CCC carrier rules';
const US_TELEMARKETING = 'FCC TCPA 47 CFR 64.1200; FTC TSR 16 CFR 310.4';
const REG_F = 'Reg F 12 CFR 1006.14(b)(2)';

/**
 * The regulatory presets an instance may adopt. Each value cites the rule it comes from; the instance's own
 * settings combine with them by tightest-wins (see effectivePolicy).
 */
export const PRESETS: Record<PolicyPreset, PresetDefinition> = {
  'cn-carrier': {
    settings: {
      basePeriod: { days: EVERY_DAY, windows: EIGHT_TO_NINE },
      perNumber: { per24h: 5, burst: { count: 3, minutes: 5 } },
    },
    description:
      'Chinese carriers (Tencent CCC): calls only 8:00–21:00 in the callee zone (Asia/Shanghai for CN numbers), ' +
      'at most 5 calls per number per rolling 24 h and 3 per 5 minutes, across all caller numbers. Consent and ' +
      'opt-out (Civil Code art. 1033) and the carriers’ ban on Xinjiang and Tibet numbers are block-list matters.',
    sources: {
      basePeriod: TENCENT_CCC,
      'perNumber.per24h': TENCENT_CCC,
      'perNumber.burst': TENCENT_CCC,
    },
  },
  'us-tcpa': {
    settings: {
      basePeriod: { days: EVERY_DAY, windows: EIGHT_TO_NINE },
      minRingSeconds: 15,
    },
    description:
      'US telemarketing (TCPA and TSR): calls only 8:00–21:00 at the called party’s location, and an ' +
      'unanswered call rings at least 15 s before it is given up. Consent and national DNC scrubbing are ' +
      'block-list matters.',
    sources: {
      basePeriod: US_TELEMARKETING,
      minRingSeconds: US_TELEMARKETING,
    },
  },
  'us-reg-f': {
    settings: {
      perNumber: { per7Days: 7 },
      quietDaysAfterConversation: 7,
    },
    description:
      'US debt collection (CFPB Regulation F): at most 7 calls to a number in 7 days, and none for 7 days ' +
      'after a telephone conversation. Counted over rolling 7 × 24 h, never looser than consecutive calendar days.',
    sources: {
      'perNumber.per7Days': REG_F,
      quietDaysAfterConversation: REG_F,
    },
  },
};
