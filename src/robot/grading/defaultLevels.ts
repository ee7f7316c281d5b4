import type { Level, LevelRule } from '../script/model.js';

type Language = 'zh' | 'en';

const FAILED_STATUSES = [
  'NotExist',
  'EmptyNumber',
  'OutOfService',
  'InArrears',
  'Failed',
  'NotConnected',
  'CallerNotRegistered',
];

/** The shipped level rules (BaiYing's documented ones), in order; `describe` per language. */
const RULES: { level: Level; when: string; describe: Record<Language, string> }[] = [
  {
    level: 'E',
    when: `answered == 0 and status in (${FAILED_STATUSES.map((s) => `"${s}"`).join(', ')})`,
    describe: {
      zh: '通话状态 = 空号、停机、欠费、呼叫失败、无法接通、主叫号码不可用',
      en: 'not answered and the number or line failed (NotExist, EmptyNumber, OutOfService, InArrears, Failed, NotConnected, CallerNotRegistered)',
    },
  },
  {
    level: 'D',
    when: 'answered == 0 or hit("busy")',
    describe: {
      zh: '通话状态 = 占线、未接、拒接、关机 或者 用户忙',
      en: 'not answered (busy, no answer, rejected, powered off) or the contact was busy',
    },
  },
  {
    level: 'F',
    when: 'outcome == "wrongPerson" or (ended == "silence" and affirmatives == 0)',
    describe: {
      zh: '非本人 或者 (用户无应答挂机 并且 肯定次数 = 0 次)',
      en: 'wrong person, or ended by silence with affirmatives = 0',
    },
  },
  {
    level: 'C',
    when: 'refusals >= 1 and affirmatives == 0',
    describe: { zh: '拒绝次数 >= 1 次 并且 肯定次数 = 0 次', en: 'refusals >= 1 and affirmatives = 0' },
  },
  {
    level: 'A',
    when: '(affirmatives >= 2 and refusals == 0) or (affirmatives >= 1 and businessHits >= 1 and refusals == 0)',
    describe: {
      zh: '(肯定次数 >= 2 次 并且 拒绝次数 = 0 次) 或者 (肯定次数 >= 1 次 并且 命中业务问题 >= 1 次 并且 拒绝次数 = 0 次)',
      en: '(affirmatives >= 2 and refusals = 0) or (affirmatives >= 1 and business questions >= 1 and refusals = 0)',
    },
  },
  {
    level: 'B',
    when: 'affirmatives >= 1 or businessHits >= 1',
    describe: { zh: '肯定次数 >= 1 次 或者 命中业务问题 >= 1 次', en: 'affirmatives >= 1 or business questions >= 1' },
  },
];

/** Level given by the shipped rules when none holds. */
export const DEFAULT_FALLBACK_LEVEL: Level = 'C';

export function defaultLevelRules(language: Language): LevelRule[] {
  return RULES.map((r) => ({ level: r.level, when: r.when, describe: r.describe[language] }));
}

export const DEFAULT_LABELS: Record<Language, Record<Level, string>> = {
  zh: {
    A: 'A(有明确意向)',
    B: 'B(可能有意向)',
    C: 'C(明确拒绝)',
    D: 'D(用户忙)',
    E: 'E(拨打失败)',
    F: 'F(无效客户)',
  },
  en: {
    A: 'A (clear interest)',
    B: 'B (possible interest)',
    C: 'C (refused)',
    D: 'D (busy)',
    E: 'E (call failed)',
    F: 'F (invalid contact)',
  },
};
