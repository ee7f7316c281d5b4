/**
 * BaiYing's level names in the classic wording, as its API documents them and its seed example sends them
 * (`trackResult` and `resultValue`: `C级(很少)`). Receivers filter calls by these exact strings.
 */
export const CLASSIC_LEVEL_NAMES: Readonly<Record<string, string>> = {
  A: 'A级(较强)',
  B: 'B级(一般)',
  C: 'C级(很少)',
  D: 'D级(需筛选)',
  E: 'E级(需要再次跟进)',
  F: 'F级(无需跟进)',
};

/** `X(wording)`, `X (wording)` or `X级(wording)`, with ASCII or full-width brackets. */
const LABEL_WITH_LETTER = /^\s*[A-F]\s*级?\s*[(（](.*)[)）]\s*$/;

/** A level's classic name; '' for no level. */
export const classicLevelName = (level: string | null): string =>
  level === null ? '' : (CLASSIC_LEVEL_NAMES[level] ?? `${level}级`);

/**
 * `resultValueNew`, "the level's wording as the CRM shows it": the letter with 级 and the wording of the
 * script's label, as the seed's `C级(明确拒绝)`. A label `C(明确拒绝)` or `C (refused)` gives its bracketed
 * wording; any other label is the wording whole.
 */
export function levelWording(level: string, label: string): string {
  const wording = (LABEL_WITH_LETTER.exec(label)?.[1] ?? label).trim();
  return wording === '' ? `${level}级` : `${level}级(${wording})`;
}
