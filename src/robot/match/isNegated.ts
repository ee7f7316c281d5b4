import { NEGATION_PREFIXES, NEGATION_WORDS, NOT_NEGATIONS } from './wordLists.js';

/** Whether a word says "no" on its own: `not`, `never`, `不`, `没有`, `不感兴趣` — not `不错` or `没事`. */
export function isNegation(word: string): boolean {
  if (NEGATION_WORDS.has(word)) return true;
  return NEGATION_PREFIXES.has(word.charAt(0)) && !NOT_NEGATIONS.has(word);
}

/**
 * Whether the word at `index` negates where it stands. It does not when it begins a phrase that is
 * not a negation (`no problem`, 没|问题, 不|客气) or is the middle of a Chinese A-not-A question cut
 * into three words (高|不|高 = is it high?).
 */
export function negatesAt(words: readonly string[], index: number): boolean {
  const word = words[index];
  if (word === undefined || !isNegation(word)) return false;
  const next = words[index + 1];
  if (next === undefined) return true;
  if (NOT_NEGATIONS.has(word + next) || NOT_NEGATIONS.has(`${word} ${next}`)) return false;
  return !((word === '不' || word === '没') && words[index - 1] === next);
}

/** Whether a reply says "no" somewhere. */
export function isNegated(words: readonly string[]): boolean {
  for (let index = 0; index < words.length; index++) if (negatesAt(words, index)) return true;
  return false;
}
