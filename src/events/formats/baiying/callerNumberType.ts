/** BaiYing's `callType` (主叫号码类型): 0 mobile, 1 fixed line, 2 no caller number. */
export const CallerNumberType = { Mobile: 0, FixedLine: 1, None: 2 } as const;
export type CallerNumberType = (typeof CallerNumberType)[keyof typeof CallerNumberType];

const CHINESE_MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;

/** What kind of caller number a call was placed from, judged from the number itself. */
export function callerNumberType(callingNumber: string): CallerNumberType {
  const digits = callingNumber.replace(/[\s-]/g, '');
  if (digits === '') return CallerNumberType.None;
  return CHINESE_MOBILE.test(digits) ? CallerNumberType.Mobile : CallerNumberType.FixedLine;
}
