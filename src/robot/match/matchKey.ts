const LATIN_WORD = /^[a-z]+$/;
const NOT_PLURALS: ReadonlySet<string> = new Set(['does', 'goes', 'always', 'perhaps', 'news', 'lens', 'series']);

/**
 * The form a word is compared in: English plurals are folded (`prices` → `price`, `companies` →
 * `company`) so a keyword need not list both. Deliberately tiny: no `-ing` or other stemming, and
 * words of three letters or fewer, ending in `ss`, `us` or `is`, or on a short list are left alone
 * (`yes`, `this`, `business`, `bonus`, `does`, `news`).
 */
export function matchKey(word: string): string {
  if (word.length < 4 || !LATIN_WORD.test(word) || NOT_PLURALS.has(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) {
    return word.slice(0, -1);
  }
  return word;
}
